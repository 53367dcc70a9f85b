"""A report's identity is its content and metadata, never its file name (issue 10): two
monthly reports both saved as 'bao-cao.txt' are both kept unless the user confirms the
second replaces the first; the plan the app shows before a batch names the collisions and
estimates the embedding time. A fake embedder keeps these fast."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_webui_upload_quota import finish, make_state, text, uploaded

from assistant.webui.batch import run_batch
from assistant.webui.plan import describe, duration_vn, needs_confirmation, plan_batch
from assistant.webui.state import Limits


@pytest.fixture
def temp(tmp_path: Path) -> Path:
    return tmp_path / "gradio"


def numbers(state) -> list[str]:
    return sorted(r.number for r in state.snapshot().store.reports())


def test_same_file_name_keeps_both_unless_confirmed(tmp_path, fake_embedder, temp) -> None:
    state = make_state(tmp_path, fake_embedder, Limits(1, 3))
    assert finish(run_batch(state, [uploaded(temp, "bao-cao.txt", text(51))], user="an",
                            temp_root=temp))[0][0] == "ok"  # fmt: skip
    second = uploaded(temp, "bao-cao.txt", text(52))
    [(status, line)] = finish(run_batch(state, [second], user="an", temp_root=temp))
    assert status == "ok" and "giữ cả hai" in line and "bao-cao (2).txt" in line, line
    assert numbers(state) == ["51/BC-UBND", "52/BC-UBND"]
    assert sorted(p.name for p in state.uploads.glob("bao-cao*")) == [
        "bao-cao (2).txt",
        "bao-cao.txt",
    ]

    # the same bytes again under the same name: nothing new, nothing lost
    same = uploaded(temp, "bao-cao.txt", text(51))
    [(status, line)] = finish(run_batch(state, [same], user="an", temp_root=temp))
    assert status == "ok" and "không đổi" in line, line
    assert numbers(state) == ["51/BC-UBND", "52/BC-UBND"]

    # confirmed: the file of that name and its report are replaced
    third = uploaded(temp, "bao-cao.txt", text(53))
    [(status, line)] = finish(run_batch(state, [third], user="an", temp_root=temp, replace=True))
    assert status == "ok" and "thay bản cũ" in line, line
    assert numbers(state) == ["52/BC-UBND", "53/BC-UBND"]


def test_same_number_date_issuer_under_another_name(tmp_path, fake_embedder, temp) -> None:
    state = make_state(tmp_path, fake_embedder, Limits(1, 3))
    finish(run_batch(state, [uploaded(temp, "thang-01.txt", text(61))], user="an",
                     temp_root=temp))  # fmt: skip
    corrected = uploaded(temp, "thang-01-sua.txt", text(61, pad=3))  # same header, new bytes
    plans = plan_batch(state, [corrected])
    assert plans[0].twins == ("thang-01.txt",) and not plans[0].same_name
    assert needs_confirmation(plans, confirm_s=1e9)
    assert "cùng số, ngày và cơ quan ban hành với thang-01.txt" in describe(plans, 5000)[0]
    [(_, line)] = finish(run_batch(state, [corrected], user="an", temp_root=temp))
    assert "giữ cả hai" in line, line
    assert numbers(state) == ["61/BC-UBND", "61/BC-UBND"]
    again = uploaded(temp, "thang-01-sua2.txt", text(61, pad=5))
    [(_, line)] = finish(run_batch(state, [again], user="an", temp_root=temp, replace=True))
    assert "đã thay" in line, line
    assert numbers(state) == ["61/BC-UBND"]


def test_plan_names_the_same_file_name_and_estimates(tmp_path, fake_embedder, temp) -> None:
    state = make_state(tmp_path, fake_embedder, Limits(1, 3, max_chunks=2))
    finish(run_batch(state, [uploaded(temp, "bao-cao.txt", text(71))], user="an",
                     temp_root=temp))  # fmt: skip
    big = uploaded(temp, "bao-cao.txt", text(72) + "\n\n".join(
        f"{i}. Mục {i}\n\nNội dung công việc số {i} được triển khai đúng tiến độ." * 30
        for i in range(2, 40)
    ))  # fmt: skip
    [plan] = plan_batch(state, [big])
    assert plan.same_name == "71/BC-UBND" and plan.chunks > 2 and plan.seconds > 0
    assert needs_confirmation([plan], confirm_s=1e9)
    said = " ".join(describe([plan], max_chunks=2))
    assert "vượt giới hạn 2 đoạn" in said and "sẽ bị từ chối" in said
    [(status, line)] = finish(run_batch(state, [big], user="an", temp_root=temp, replace=True))
    assert status == "error" and "ASSISTANT_MAX_CHUNKS_PER_REPORT" in line, line
    assert numbers(state) == ["71/BC-UBND"]  # refused: the old report stays


@pytest.mark.parametrize(
    ("seconds", "said"),
    [(20, "dưới 1 phút"), (600, "khoảng 10 phút"), (7200, "khoảng 2 giờ"),
     (9000, "khoảng 2,5 giờ")],
)  # fmt: skip
def test_duration_in_words(seconds: float, said: str) -> None:
    assert duration_vn(seconds) == said
