"""Deployment tooling of Rangkui Mutasi: the facts the manifests are generated from
(`catalogue`), the generator (`generate`), and the validation toolchain (`toolchain`)."""
