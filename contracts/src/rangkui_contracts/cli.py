"""`rangkui-contracts`: generate and check the published contracts, list the topics.

    rangkui-contracts generate [--force]   write schemas/, asyncapi.yaml, docs/event-catalogue.md
    rangkui-contracts check                 exit 1 if those are stale or a change is incompatible
    rangkui-contracts topics [--json]       the Kafka topics, for ops tooling and manifests

Exit status: 0 done, 1 refused or differences found, 2 usage error. `--root` points at the
workspace when it cannot be found from the installed package or the working directory.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from typing import TextIO

from rangkui_contracts.schema_gen import GenerationRefused, Layout, check, generate
from rangkui_contracts.topics import TOPICS, TopicSpec


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the process exit status."""
    args = _parser().parse_args(argv)
    if args.command == "topics":
        return _topics(as_json=args.json, out=sys.stdout)
    try:
        layout = Layout.discover(args.root)
    except LookupError as exc:
        print(f"rangkui-contracts: {exc}", file=sys.stderr)
        return 2
    if args.command == "generate":
        return _generate(layout, force=args.force)
    return _check(layout)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rangkui-contracts",
        description="Generate and check the published event contracts of Rangkui Mutasi.",
    )
    parser.add_argument("--root", help="workspace root (the folder holding contracts/ and docs/)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    gen = commands.add_parser(
        "generate",
        help="write the JSON schemas, asyncapi.yaml and the event catalogue",
        description="Write contracts/schemas/<ce_type>.json, contracts/asyncapi.yaml and "
        "docs/event-catalogue.md from the models. Refuses to overwrite a checked-in schema "
        "with an incompatible one, or to delete the schema of a removed event type.",
    )
    gen.add_argument(
        "--force",
        action="store_true",
        help="write even incompatible changes (only for a type never published)",
    )
    commands.add_parser(
        "check",
        help="fail if the generated files are stale or a model changed incompatibly",
    )
    topics = commands.add_parser("topics", help="print the Kafka topic specs")
    topics.add_argument(
        "--json",
        action="store_true",
        help="a JSON array of {name, partitions, config, context}",
    )
    return parser


def _generate(layout: Layout, *, force: bool) -> int:
    try:
        changed = generate(layout, force=force)
    except GenerationRefused as refused:
        print("rangkui-contracts generate: refused, nothing written:", file=sys.stderr)
        for message in refused.messages:
            print(f"- {message}", file=sys.stderr)
        print("Pass --force only for a type that was never published.", file=sys.stderr)
        return 1
    for path in changed:
        verb = "wrote" if path.exists() else "deleted"
        print(f"{verb} {layout.relative(path)}")
    if not changed:
        print("up to date")
    return 0


def _check(layout: Layout) -> int:
    problems = check(layout)
    if not problems:
        print("contracts are up to date and compatible")
        return 0
    for problem in problems:
        print(f"- {problem}", file=sys.stderr)
    print(
        f"{len(problems)} problem(s); regenerate with `rangkui-contracts generate` "
        "(an incompatible change needs a new event version instead)",
        file=sys.stderr,
    )
    return 1


def _topics(*, as_json: bool, out: TextIO) -> int:
    if as_json:
        specs = [_topic_dict(t) for t in TOPICS]
        out.write(json.dumps(specs, indent=2, sort_keys=True) + "\n")
        return 0
    rows = [("NAME", "PARTITIONS", "CONTEXT", "CONFIG")]
    for topic in TOPICS:
        config = ",".join(f"{k}={topic.config[k]}" for k in sorted(topic.config))
        rows.append((topic.name, str(topic.partitions), topic.context or "-", config))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out.write("  ".join([*cells, row[3]]).rstrip() + "\n")
    return 0


def _topic_dict(topic: TopicSpec) -> dict[str, object]:
    spec = asdict(topic)
    spec["config"] = dict(sorted(topic.config.items()))
    return spec
