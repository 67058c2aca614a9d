"""Jinja2 rendering of notices from `templates/<name>.j2` (blocks `subject` and `body`).

Templates are plain text in Bahasa Indonesia. They see the event (`event`), the recipient
(`recipient`, `role`) and helpers that resolve ids through the directory snapshot
(`person_name`, `unit_name`, `position_title`, `transfer`, `origin_unit_id`,
`target_unit_id`), policy values (`objection_days`), the `tanggal` filter for dates
and the `label_*` filters for codes. Undefined names fail loudly (`StrictUndefined`): a typo
in a template is a bug to see in the tests, not a blank in a letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, TemplateNotFound

from rangkui_contracts import DomainEvent
from rangkui_eventkit.errors import NotFound
from rangkui_eventkit.indonesian import tanggal
from rangkui_notification.domain import labels
from rangkui_notification.domain.directory import Directory
from rangkui_notification.domain.recipients import Recipient, origin_unit, target_unit


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str


class TemplateRenderer:
    """Renders a notice; one instance per service, built in the bootstrap."""

    def __init__(self, *, objection_days: int = 14) -> None:
        env = Environment(
            loader=PackageLoader("rangkui_notification", "templates"),
            undefined=StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        env.filters["tanggal"] = tanggal
        env.filters["label_kind"] = lambda c: labels.label(labels.MUTATION_KIND, c)
        env.filters["label_rating"] = lambda c: labels.label(labels.RATING, c)
        env.filters["label_predikat"] = lambda c: labels.label(labels.PREDIKAT, c)
        env.filters["label_evaluation_kind"] = lambda c: labels.label(labels.EVALUATION_KIND, c)
        env.filters["label_verdict"] = lambda c: labels.label(labels.VERDICT, c)
        env.filters["label_criterion"] = lambda c: labels.label(labels.CRITERION, c)
        env.filters["label_priority"] = lambda c: labels.label(labels.PRIORITY, c)
        env.globals["objection_days"] = objection_days
        self.env = env

    def names(self) -> list[str]:
        return sorted(n.removesuffix(".j2") for n in self.env.list_templates(extensions=["j2"]))

    def render(
        self, template: str, event: DomainEvent | Any, recipient: Recipient, directory: Directory
    ) -> Rendered:
        try:
            tpl = self.env.get_template(f"{template}.j2")
        except TemplateNotFound:
            raise NotFound(f"no notification template named {template!r}") from None
        context: dict[str, Any] = {
            "event": event,
            "recipient": recipient.id,
            "role": recipient.role,
            "directory": directory,
            "person_name": directory.person_name,
            "unit_name": directory.unit_name,
            "position_title": directory.position_title,
            "transfer": directory.transfer,
            "origin_unit_id": origin_unit(event, directory),
            "target_unit_id": target_unit(event, directory),
        }
        ctx = tpl.new_context(context)
        subject = " ".join("".join(tpl.blocks["subject"](ctx)).split())
        body = "".join(tpl.blocks["body"](ctx)).strip() + "\n"
        return Rendered(subject=subject, body=body)
