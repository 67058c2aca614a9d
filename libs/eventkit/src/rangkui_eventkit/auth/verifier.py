"""Bearer-token verification: signature against the issuer's published keys (JWKS),
issuer, audience, expiry, that it is an access token (`typ`), and who it was issued to
(`azp`); then the claims become a `Principal`.

Roles come from one claim only, the one the settings name: for Keycloak the roles of this
API's own client (`resource_access.<audience>.roles`), never the realm-wide ones (generic
names any other system of the realm may hand out) nor another client's. A token whose
only roles are another client's is refused saying so (403), not silently read as roleless.

Keys are fetched once and cached; a token signed with a key id the cache does not know
makes the verifier fetch the key set again (the identity provider rotated its keys), at
most once per `refetch_interval_s`, so a flood of forged key ids cannot turn into a flood
of requests to the identity provider.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
import jwt

from rangkui_eventkit.auth.dev import DEV_AUDIENCE, DEV_ISSUER, dev_jwks
from rangkui_eventkit.auth.principal import Principal, Role
from rangkui_eventkit.errors import Forbidden, Unauthenticated
from rangkui_eventkit.logging import get_logger

log = get_logger(__name__)
ALGORITHMS = ("RS256", "RS384", "RS512", "ES256", "ES384", "PS256")
JwksFetcher = Callable[[], Awaitable[dict[str, Any]]]


class KeySet:
    """The signing keys of one issuer, cached, refreshed on an unknown key id or when old.

    One refresh at a time (single flight: requests that waited use its result), and after a
    failed fetch none for a backoff that doubles up to `max_backoff_s`: during an outage of
    the identity provider, tokens with unknown key ids (anyone can make them) do not turn
    into a fetch each."""

    def __init__(
        self,
        fetch: JwksFetcher,
        *,
        max_age_s: float = 3600,
        refetch_interval_s: float = 30,
        max_backoff_s: float = 60,
    ) -> None:
        self._fetch = fetch
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at = float("-inf")
        self._max_age_s = max_age_s
        self._refetch_interval_s = refetch_interval_s
        self._max_backoff_s = max_backoff_s
        self._failed_at = float("-inf")
        self._backoff_s = 0.0
        self._lock = asyncio.Lock()

    async def key(self, kid: str | None) -> jwt.PyJWK:
        now = time.monotonic()
        due = now - self._fetched_at > self._max_age_s or (
            kid not in self._keys and now - self._fetched_at > self._refetch_interval_s
        )
        if due and now - self._failed_at < self._backoff_s:
            due = False  # the last fetch failed moments ago: do not hammer the IdP
            if not self._keys:
                raise Unauthenticated(
                    "the identity provider's keys cannot be fetched; try again later"
                )
        if due:
            await self._refresh()
        if kid is None and len(self._keys) == 1:
            return next(iter(self._keys.values()))
        if kid is None or kid not in self._keys:
            raise Unauthenticated("the token is signed with a key the issuer does not publish")
        return self._keys[kid]

    async def _refresh(self) -> None:
        async with self._lock:
            if time.monotonic() - self._fetched_at <= self._refetch_interval_s:
                return  # another request refreshed while this one waited
            if time.monotonic() - self._failed_at < self._backoff_s:
                if not self._keys:  # another request's fetch just failed
                    raise Unauthenticated(
                        "the identity provider's keys cannot be fetched; try again later"
                    )
                return
            try:
                document = await self._fetch()
            except Exception as exc:
                self._failed_at = time.monotonic()
                self._backoff_s = min(max(self._backoff_s * 2, 1.0), self._max_backoff_s)
                log.error("auth.jwks_unavailable", error=repr(exc), retry_in_s=self._backoff_s)
                if not self._keys:
                    raise Unauthenticated(
                        "the identity provider's keys cannot be fetched; try again later"
                    ) from exc
                return  # keep serving with the keys we have
            keys: dict[str, jwt.PyJWK] = {}
            for raw in document.get("keys", []):
                if raw.get("use", "sig") != "sig":
                    continue
                try:
                    keys[raw.get("kid", "")] = jwt.PyJWK(raw)
                except jwt.PyJWTError as exc:
                    log.warning("auth.jwks_key_skipped", kid=raw.get("kid"), error=str(exc))
            self._keys = keys
            self._fetched_at = time.monotonic()
            self._backoff_s = 0.0
            log.info("auth.jwks_loaded", keys=sorted(keys))


def http_jwks(jwks_url: str | None, issuer: str, *, timeout_s: float = 5.0) -> JwksFetcher:
    """Fetch a key set from `jwks_url`, or find it by OIDC discovery on the issuer."""

    async def fetch() -> dict[str, Any]:
        async with httpx.AsyncClient(timeout=timeout_s) as client:
            url = jwks_url
            if not url:
                discovery = f"{issuer.rstrip('/')}/.well-known/openid-configuration"
                response = await client.get(discovery)
                response.raise_for_status()
                url = response.json()["jwks_uri"]
            response = await client.get(url)
            response.raise_for_status()
            document: dict[str, Any] = response.json()
            return document

    return fetch


def static_jwks(document: dict[str, Any]) -> JwksFetcher:
    async def fetch() -> dict[str, Any]:
        return document

    return fetch


@dataclass(frozen=True)
class TrustedIssuer:
    """An issuer whose tokens a service accepts, for one audience."""

    issuer: str
    audience: str
    keys: KeySet
    roles_claim: str = "roles"  # dotted path, e.g. resource_access.rangkui.roles (Keycloak)
    # The clients (`azp`) whose tokens are accepted; empty: any client of the issuer.
    allowed_clients: frozenset[str] = frozenset()
    # The province's issuer: `azp` and the access-token `typ` must be there. Development
    # tokens are checked when they carry them, as every token is.
    strict: bool = False


ACCESS_TOKEN_TYPES = frozenset({"bearer"})  # the `typ` claim of Keycloak's access tokens
ACCESS_TOKEN_HEADER_TYPES = frozenset({"jwt", "at+jwt", "application/at+jwt"})  # RFC 9068


class TokenVerifier:
    """Turns `Authorization: Bearer <jwt>` into a `Principal`, or raises `Unauthenticated`."""

    def __init__(
        self,
        issuers: Sequence[TrustedIssuer],
        *,
        leeway_s: float = 30,
        algorithms: Sequence[str] = ALGORITHMS,
        cache_size: int = 10_000,
    ) -> None:
        self._issuers = {i.issuer: i for i in issuers}
        # A caller sends the same token with every request until it expires; checking its
        # signature once is enough (an ES256 verification costs ~0.1-0.4 ms of CPU).
        self._verified: OrderedDict[str, tuple[float, Principal]] = OrderedDict()
        self._cache_size = cache_size
        self._leeway_s = leeway_s
        self._algorithms = list(algorithms)

    @property
    def issuers(self) -> list[str]:
        return sorted(self._issuers)

    async def verify(self, token: str) -> Principal:
        cached = self._verified.get(token)
        if cached is not None:
            expires_at, principal = cached
            if time.time() < expires_at + self._leeway_s:
                self._verified.move_to_end(token)
                return principal
            del self._verified[token]
            raise Unauthenticated("the token has expired")
        principal, expires_at = await self._verify(token)
        self._verified[token] = (expires_at, principal)
        if len(self._verified) > self._cache_size:
            self._verified.popitem(last=False)
        return principal

    async def _verify(self, token: str) -> tuple[Principal, float]:
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError:
            raise Unauthenticated("the bearer token is not a well-formed JWT") from None
        trusted = self._issuers.get(str(unverified.get("iss", "")))
        if trusted is None:
            raise Unauthenticated("the token's issuer is not trusted by this service")
        if header.get("alg") not in self._algorithms:
            raise Unauthenticated(f"the token's algorithm {header.get('alg')!r} is not accepted")
        key = await trusted.keys.key(header.get("kid"))
        try:
            claims = jwt.decode(
                token,
                key=key,
                algorithms=self._algorithms,
                audience=trusted.audience,
                issuer=trusted.issuer,
                leeway=self._leeway_s,
                options={"require": ["exp", "iss", "sub", "aud"]},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthenticated("the token has expired") from None
        except jwt.InvalidAudienceError:
            raise Unauthenticated("the token is meant for another audience") from None
        except jwt.ImmatureSignatureError:
            raise Unauthenticated("the token is not valid yet") from None
        except jwt.InvalidSignatureError:
            raise Unauthenticated("the token's signature does not verify") from None
        except jwt.PyJWTError as exc:
            raise Unauthenticated(f"the token is not valid: {exc}") from None
        self.check_access_token(header, claims, strict=trusted.strict)
        self.check_party(claims, trusted.allowed_clients, strict=trusted.strict)
        return self._principal(claims, trusted.roles_claim), float(claims["exp"])

    @staticmethod
    def check_access_token(header: dict[str, Any], claims: dict[str, Any], *, strict: bool) -> None:
        """Only access tokens open the API: an ID token, a refresh or logout token of the same
        issuer and audience is refused (401). Keycloak says `typ: Bearer` in the claims;
        RFC 9068 says `typ: at+jwt` in the header. `strict`: one of the two must be there."""
        typ, header_typ = claims.get("typ"), header.get("typ")
        if typ is not None and (not isinstance(typ, str) or typ.lower() not in ACCESS_TOKEN_TYPES):
            raise Unauthenticated(
                f"the token is of type {typ!r}, not an access token (typ 'Bearer'): "
                "send the access token, not the ID or refresh token"
            )
        if header_typ is not None and (
            not isinstance(header_typ, str) or header_typ.lower() not in ACCESS_TOKEN_HEADER_TYPES
        ):
            raise Unauthenticated(
                f"the token's header says type {header_typ!r}, not an access token (JWT or at+jwt)"
            )
        at_jwt = isinstance(header_typ, str) and header_typ.lower().endswith("at+jwt")
        if strict and typ is None and not at_jwt:
            raise Unauthenticated(
                "the token does not say it is an access token (no typ 'Bearer' claim, no "
                "at+jwt header): send the access token, not the ID token"
            )

    @staticmethod
    def check_party(claims: dict[str, Any], allowed: frozenset[str], *, strict: bool) -> str | None:
        """The client the token was issued to (`azp`), checked: present (`strict`), agreeing
        with `client_id` where both are given, and one the service accepts (`allowed`, when
        set). A token issued to another client of the realm is refused (403)."""
        azp, client_id = claims.get("azp"), claims.get("client_id")
        for name, value in (("azp", azp), ("client_id", client_id)):
            if value is not None and not (isinstance(value, str) and 0 < len(value) <= 200):
                raise Unauthenticated(f"the token's `{name}` claim must be a client id")
        if azp is not None and client_id is not None and azp != client_id:
            raise Unauthenticated(
                f"the token's `azp` ({azp}) and `client_id` ({client_id}) disagree"
            )
        client = azp or client_id
        if client is None:
            if strict or allowed:
                raise Unauthenticated(
                    "the token names no authorised party (`azp`): which client it was "
                    "issued to cannot be checked"
                )
            return None
        if allowed and client not in allowed:
            raise Forbidden(
                f"the token was issued to client {client!r}, which this service does not "
                f"accept (accepted: {', '.join(sorted(allowed))})"
            )
        return str(client)

    @staticmethod
    def _principal(claims: dict[str, Any], roles_claim: str) -> Principal:
        raw: Any = claims
        for part in roles_claim.split("."):
            raw = raw.get(part) if isinstance(raw, dict) else None
        if raw is not None and not (isinstance(raw, list) and all(isinstance(n, str) for n in raw)):
            raise Unauthenticated(f"the token's `{roles_claim}` claim must be a list of roles")
        names = raw or []
        known = {r.value for r in Role}
        roles = frozenset(Role(n) for n in names if n in known)
        if not roles:
            TokenVerifier._refuse_borrowed_roles(claims, roles_claim, known)
        # `units` and `nip` bound what a caller sees: a claim of the wrong shape is refused,
        # never read loosely (a string `units` would otherwise become its characters).
        units = claims.get("units") or []
        if not isinstance(units, list) or not all(isinstance(u, str) for u in units):
            raise Unauthenticated("the token's `units` claim must be a list of unit ids")
        nip = claims.get("nip")
        if nip is not None and not (isinstance(nip, str) and nip.isdigit() and len(nip) == 18):
            raise Unauthenticated("the token's `nip` claim must be an 18-digit NIP")
        return Principal(
            subject=str(claims["sub"]),
            issuer=str(claims["iss"]),
            roles=roles,
            nip=str(nip) if nip else None,
            units=frozenset(units),
            username=claims.get("preferred_username"),
            client_id=claims.get("azp") or claims.get("client_id"),
        )

    @staticmethod
    def _refuse_borrowed_roles(claims: dict[str, Any], roles_claim: str, known: set[str]) -> None:
        """No role of this service in its claim, but roles of ours by name elsewhere (another
        client's `resource_access`, the realm's `realm_access`, a top-level `roles`): those
        were granted for something else. Refuse saying so (403), rather than let the access
        table answer with a bare "no role"."""
        candidates: dict[str, Any] = {"roles": claims.get("roles")}
        realm = claims.get("realm_access")
        candidates["realm_access.roles"] = realm.get("roles") if isinstance(realm, dict) else None
        access = claims.get("resource_access")
        for client, entry in access.items() if isinstance(access, dict) else ():
            got = entry.get("roles") if isinstance(entry, dict) else None
            candidates[f"resource_access.{client}.roles"] = got
        elsewhere = [
            path
            for path, got in candidates.items()
            if path != roles_claim and isinstance(got, list) and known & set(map(str, got))
        ]
        if elsewhere:
            raise Forbidden(
                f"the token carries no role of this service in `{roles_claim}`; the roles in "
                f"{', '.join(f'`{p}`' for p in elsewhere)} were granted for another client or "
                "the whole realm and do not count here"
            )


def verifier_from_settings(settings: Any) -> TokenVerifier:
    """The verifier a service's settings describe: the province's issuer (if configured) and,
    in development mode only, the development issuer."""
    issuers: list[TrustedIssuer] = []
    if settings.auth_issuer:
        fetch = http_jwks(settings.auth_jwks_url, settings.auth_issuer)
        issuers.append(
            TrustedIssuer(
                settings.auth_issuer,
                settings.auth_audience,
                KeySet(fetch, max_age_s=settings.auth_jwks_max_age_s),
                roles_claim=settings.auth_roles_claim,
                allowed_clients=frozenset(settings.allowed_clients()),
                strict=True,
            )
        )
    if settings.development_mode:
        log.warning("auth.development_issuer_trusted", issuer=DEV_ISSUER)
        # Development tokens carry their roles in `roles`, whatever the province's IdP uses.
        issuers.append(TrustedIssuer(DEV_ISSUER, DEV_AUDIENCE, KeySet(static_jwks(dev_jwks()))))
    return TokenVerifier(issuers, leeway_s=settings.auth_leeway_s)
