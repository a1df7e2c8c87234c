# dask_gateway_config.py of the example daskhub chart (a shortened dask-gateway chart configuration).
import os

import yaml

with open("/etc/dask-gateway/values.yaml") as f:
    values = yaml.safe_load(f)

gateway = values["gateway"]
c.DaskGateway.backend_class = "dask_gateway_server.backends.kubernetes.KubeBackend"  # noqa: F821
c.KubeBackend.gateway_instance = os.environ["GATEWAY_INSTANCE"]  # noqa: F821
c.KubeClusterConfig.scheduler_cores = gateway["backend"]["scheduler"]["cores"]["request"]  # noqa: F821
c.KubeClusterConfig.worker_cores = gateway["backend"]["worker"]["cores"]["request"]  # noqa: F821

if gateway["auth"]["type"] == "jupyterhub":
    c.DaskGateway.authenticator_class = "dask_gateway_server.auth.JupyterHubAuthenticator"  # noqa: F821
    c.JupyterHubAuthenticator.jupyterhub_api_token = os.environ["JUPYTERHUB_API_TOKEN"]  # noqa: F821
    c.JupyterHubAuthenticator.jupyterhub_api_url = gateway["auth"]["jupyterhub"]["apiUrl"]  # noqa: F821

for name in sorted(gateway.get("extraConfig") or {}):
    exec(gateway["extraConfig"][name])
