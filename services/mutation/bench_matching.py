"""Benchmark: rank 25,000 employees for one staffing need with `domain.matching.match`.

Run: .venv/bin/python services/mutation/bench_matching.py  (prints the time per ranking)
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from rangkui_mutation.domain.matching import CandidateFacts, MatchPolicy, PostProfile, match

FIELDS = ["Pendidikan Matematika", "Matematika", "Pendidikan Fisika", "Keperawatan", "Hukum"]
STATUSES = ["ACTIVE"] * 18 + ["ON_LEAVE", "DISCIPLINARY", "STUDY_ASSIGNMENT"]
PREDIKAT = ["SANGAT_BAIK", "BAIK", "BAIK", "BAIK", "BUTUH_PERBAIKAN"]


def employees(n: int, seed: int = 7) -> list[CandidateFacts]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        out.append(
            CandidateFacts(
                nip=f"1980010120050{i:05d}"[:18].ljust(18, "0"),
                name=f"Pegawai {i}",
                status=rnd.choice(STATUSES),
                grade=f"{rnd.choice(['II', 'III', 'IV'])}/{rnd.choice('abcd')}",
                unit_id=f"unit-{i % 400}",
                position_id=f"pos-{i % 1500}",
                tmt_position=date(2026, 11, 28) - timedelta(days=rnd.randint(100, 4000)),
                education=(("S1", rnd.choice(FIELDS)),),
                competencies=tuple(rnd.sample(["kurikulum merdeka", "olimpiade", "tik"], 2)),
                titles_held=(rnd.choice(["Guru Matematika", "Guru Fisika", "Perawat"]),),
                annual_predikat=(rnd.choice(PREDIKAT), rnd.choice(PREDIKAT)),
                in_open_transfer=rnd.random() < 0.02,
                origin_surplus=rnd.randint(-2, 2),
            )
        )
    return out


def main() -> None:
    people = employees(25_000)
    post = PostProfile(
        position_id="pos-target",
        title="Guru Matematika",
        required_levels=("S1",),
        required_fields=("Pendidikan Matematika",),
        grade_min="III/a",
        grade_max="IV/b",
        required_competencies=("kurikulum merdeka", "olimpiade"),
    )
    policy = MatchPolicy(today=date(2026, 11, 28))
    wall, cpu = [], []
    for _ in range(5):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = match(people, post, policy, limit=50)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(
        f"ranked {len(people):,} employees for one need (5 runs): "
        f"wall best {min(wall) * 1000:.0f} ms / worst {max(wall) * 1000:.0f} ms, "
        f"CPU best {min(cpu) * 1000:.0f} ms; {result.eligible_count:,} eligible, "
        f"{len(result.excluded):,} excluded, top score {result.ranked[0].score}"
    )


if __name__ == "__main__":
    main()
