# jupyterhub_config.py of the example basehub chart (a shortened z2jh hub configuration).
# The chart's values are mounted from Secret `hub` at /usr/local/etc/jupyterhub/secret/values.yaml.
import os

import yaml

with open("/usr/local/etc/jupyterhub/secret/values.yaml") as f:
    values = yaml.safe_load(f)

hub = values.get("hub", {})
custom = values.get("custom", {})

# hub.config.<Class>.<trait> -> c.<Class>.<trait>
for cls, traits in (hub.get("config") or {}).items():
    for trait, value in (traits or {}).items():
        setattr(getattr(c, cls), trait, value)  # noqa: F821 (c is injected by JupyterHub)

c.JupyterHub.services = [  # noqa: F821
    {"name": name, **{k: v for k, v in (svc or {}).items() if k != "apiToken"},
     "api_token": os.environ.get(f"SERVICE_TOKEN_{name.upper().replace('-', '_')}")}
    for name, svc in (hub.get("services") or {}).items()
]
c.JupyterHub.cookie_secret_file = "/srv/jupyterhub/jupyterhub_cookie_secret"  # noqa: F821
c.ConfigurableHTTPProxy.api_url = f"http://proxy-api.{os.environ['POD_NAMESPACE']}.svc:8001"  # noqa: F821
c.ConfigurableHTTPProxy.should_start = False  # noqa: F821
c.KubeSpawner.image = "{name}:{tag}".format(**values["singleuser"]["image"])  # noqa: F821
c.Spawner.default_url = values["singleuser"].get("defaultUrl", "/lab")  # noqa: F821

if custom.get("2i2c", {}).get("add_staff_user_ids_to_admin_users"):
    staff = {"github": ["example-staff-1", "example-staff-2"]}.get(custom["2i2c"].get("add_staff_user_ids_of_type"), [])
    c.Authenticator.admin_users = set(c.Authenticator.admin_users) | set(staff)  # noqa: F821

for name in sorted(hub.get("extraConfig") or {}):
    exec(hub["extraConfig"][name])
