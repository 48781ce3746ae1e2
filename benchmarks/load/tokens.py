"""Signing keys and RS256 bearer tokens for the load benchmark, made with PyJWT and cryptography (Debian packages
python3-jwt and python3-cryptography): a JOSE implementation independent of the servers under test.

The same tokens go to every server: issuer https://issuer.example, audience orders-api, scope orders:read (or
another scope for the 403 row), kid bench-rsa. Token files are reused while they have more than an hour to live.
"""
import base64
import json
import pathlib
import time
import uuid

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ISSUER = "https://issuer.example"
AUDIENCE = "orders-api"
KID = "bench-rsa"
LIFETIME_S = 3 * 3600
REUSE_FOR_S = 3600


def _b64url_uint(n: int) -> str:
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def ensure_keys(directory: pathlib.Path) -> pathlib.Path:
    """DIR/private.pem (PKCS#8), DIR/public.pem (SPKI) and DIR/jwks.json; created once."""
    directory.mkdir(parents=True, exist_ok=True)
    private_file = directory / "private.pem"
    if not private_file.exists():
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        private_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                   serialization.NoEncryption()))
        public = key.public_key()
        (directory / "public.pem").write_bytes(
            public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
        numbers = public.public_numbers()
        jwks = {"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": KID,
                          "n": _b64url_uint(numbers.n), "e": _b64url_uint(numbers.e)}]}
        (directory / "jwks.json").write_text(json.dumps(jwks))
    return directory


def token_file(keys: pathlib.Path, count: int, scope: str) -> pathlib.Path:
    """A file of `count` distinct tokens, one a line; minted again when it would expire within the hour."""
    name = f"tokens-{count}-{scope.replace(':', '_').replace(' ', '+')}.txt"
    path = keys / name
    if path.exists() and time.time() - path.stat().st_mtime < LIFETIME_S - REUSE_FOR_S and \
            sum(1 for _ in path.open()) == count:
        return path
    key = serialization.load_pem_private_key((keys / "private.pem").read_bytes(), None)
    now = int(time.time())
    tmp = path.with_suffix(".tmp")
    with tmp.open("w") as out:
        for i in range(count):
            claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": f"bench-{i}", "scope": scope, "iat": now,
                      "exp": now + LIFETIME_S, "jti": uuid.uuid4().hex}
            out.write(jwt.encode(claims, key, algorithm="RS256", headers={"kid": KID, "typ": "JWT"}))
            out.write("\n")
    tmp.replace(path)
    return path


def first_token(path: pathlib.Path) -> str:
    with path.open() as f:
        return f.readline().strip()
