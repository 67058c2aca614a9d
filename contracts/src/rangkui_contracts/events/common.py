"""Value types shared by the events of several contexts."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema

Nip = Annotated[str, StringConstraints(pattern=r"^\d{18}$"), Field(description="18-digit NIP")]
Grade = Annotated[
    str,
    StringConstraints(pattern=r"^(I|II|III|IV)/[a-e]$"),
    Field(description="golongan/ruang, e.g. III/a"),
]
Email = Annotated[
    str,
    StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254),
    WithJsonSchema({"type": "string", "format": "email"}),
]
"""An e-mail address as events carry it: a shape check that pydantic-core runs natively.
Full deliverability-style validation (`EmailStr`) belongs where addresses enter the system;
every consumer of every event paying for it again costs a quarter of a rebuild
(docs/benchmarks.md, F4)."""
EducationLevel = Literal["SMA", "D3", "S1", "S2", "S3"]
Rating = Literal["DI_ATAS", "SESUAI", "DI_BAWAH"]
Predikat = Literal["SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"]


class Value(BaseModel):
    """Base of nested value objects inside event payloads."""

    model_config = ConfigDict(extra="forbid", frozen=True)


_BASE64URL = r"^[A-Za-z0-9_-]+$"


class Sealed(Value):
    """Personal fields sealed with the employee's data key (crypto-shredding).

    The AES-256-GCM encryption of the UTF-8 JSON of a small object of personal fields, with
    associated data binding it to the employee's NIP and to `key_id`, so a blob cannot be
    moved to another person. Only the services holding the employee's key (distributed
    internally by personnel) can open it; once personnel erases that key, nobody can, in
    any event, topic or replay. Outside consumers see only that personal data exists.
    """

    key_id: str = Field(min_length=1, description="which per-employee data key sealed it")
    alg: Literal["A256GCM"] = Field(description="AES-256-GCM, 96-bit nonce, 128-bit tag")
    nonce: str = Field(pattern=_BASE64URL, description="base64url, without padding")
    ciphertext: str = Field(
        pattern=_BASE64URL, description="base64url (without padding) of ciphertext and tag"
    )


class Education(Value):
    """One completed level of education, with its field of study."""

    level: EducationLevel
    field: str = Field(min_length=1, description="field of study, e.g. Pendidikan Matematika")
    institution: str | None = None
    year: int | None = Field(default=None, ge=1950, le=2100)
