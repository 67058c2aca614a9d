"""The development signing key and a token minter, for local runs and tests.

A service trusts tokens from the development issuer only when its settings say
`development_mode`; in production the key below is worthless because no service accepts
its issuer. The private key is public on purpose (it is in the repository): never reuse it.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey
from jwt.algorithms import ECAlgorithm

DEV_ISSUER = "urn:rangkui:development"
DEV_AUDIENCE = "rangkui"
DEV_KEY_ID = "rangkui-dev-1"
_DEV_PRIVATE_KEY_PEM = b"""-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHB61ciRPTkEVOrGV
vo2bQBScGDUrVIiYbQAL11/Sl1uhRANCAASOk0mZ5CmEgJ2q0GZbNn5Gi4Iov6WQ
15JUHqStV6Rjc3HFXRlBMbnWHGamoJ6FhwCiBpXaqU3NUFdH04cBlegj
-----END PRIVATE KEY-----
"""


def dev_private_key() -> EllipticCurvePrivateKey:
    key = serialization.load_pem_private_key(_DEV_PRIVATE_KEY_PEM, password=None)
    assert isinstance(key, EllipticCurvePrivateKey)
    return key


def dev_jwks() -> dict[str, Any]:
    """The development issuer's public key set, as an identity provider would publish it."""
    jwk = ECAlgorithm.to_jwk(dev_private_key().public_key(), as_dict=True)
    return {"keys": [{**jwk, "kid": DEV_KEY_ID, "use": "sig", "alg": "ES256"}]}


def mint_token(
    *,
    roles: Iterable[str],
    subject: str = "dev-user",
    nip: str | None = None,
    units: Iterable[str] = (),
    username: str | None = None,
    client_id: str | None = None,
    expires_in_s: int = 3600,
    issuer: str = DEV_ISSUER,
    audience: str = DEV_AUDIENCE,
    key: Any = None,
    key_id: str = DEV_KEY_ID,
    extra_claims: dict[str, Any] | None = None,
) -> str:
    """A signed JWT shaped like the province's identity provider issues them."""
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": issuer,
        "aud": audience,
        "sub": subject,
        "iat": now,
        "nbf": now - 5,
        "exp": now + expires_in_s,
        "jti": str(uuid.uuid4()),
        "typ": "Bearer",  # an access token, as Keycloak marks them
        "roles": sorted(set(roles)),
    }
    if nip:
        claims["nip"] = nip
    units = sorted(set(units))
    if units:
        claims["units"] = units
    if username:
        claims["preferred_username"] = username
    if client_id:
        claims["azp"] = client_id
    claims.update(extra_claims or {})
    return jwt.encode(claims, key or dev_private_key(), algorithm="ES256", headers={"kid": key_id})
