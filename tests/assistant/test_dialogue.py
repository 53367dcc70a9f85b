"""Follow-up questions resolved against the previous turn, without an LLM: two- and
three-turn dialogues on the sample reports, and the CLI's file-backed sessions."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

from assistant.dialogue import Turn, resolve
from assistant.route import answer
from assistant.sessions import load_session, save_session


def test_period_follow_up_takes_the_previous_question() -> None:
    first = "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?"
    h = [Turn(first, first)]
    assert resolve("còn tháng 11 thì sao?", h) == "Lũy kế thu NSNN tháng 11/2025 đạt bao nhiêu?"
    assert resolve("con thang 10/2025 thi sao", h) == "Lũy kế thu NSNN thang 10/2025 đạt bao nhiêu?"


def test_anaphora_names_the_previous_project() -> None:
    first = "Tháng 11/2025 dự án Kè bờ sông Mai còn bao nhiêu hộ chưa nhận tiền bồi thường?"
    resolved = resolve("dự án đó đang ở giai đoạn nào?", [Turn(first, first)])
    assert resolved.startswith("dự án Kè bờ sông Mai đang ở giai đoạn nào")
    assert "11/2025" in resolved  # the period carries over


def test_more_detail_repeats_the_question_as_a_list() -> None:
    first = "Những dự án nào được phê duyệt chủ trương đầu tư tháng 10/2025?"
    resolved = resolve("liệt kê chi tiết hơn", [Turn(first, first)])
    assert resolved.startswith("Những dự án nào được phê duyệt chủ trương đầu tư tháng 10/2025")


def test_a_new_question_is_left_alone() -> None:
    first = "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?"
    q = "Tháng 10/2025 có bao nhiêu vụ tai nạn giao thông?"
    assert resolve(q, [Turn(first, first)]) == q
    assert resolve(q, []) == q


def test_three_turn_dialogue_answers_each_turn(sample_retriever) -> None:
    turns: list[Turn] = []
    expected = ["386.808", "343.848", "312.640"]  # lũy kế thu NSNN, Dec → Nov → Oct
    for q, figure in zip(
        [
            "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?",
            "còn tháng 11 thì sao?",
            "thế còn tháng 10?",
        ],
        expected,
        strict=True,
    ):
        resolved = resolve(q, turns)
        a = answer(resolved, sample_retriever)
        assert not a.insufficient and figure in a.text, (q, resolved, a.text)
        assert any(figure in c.text for c in a.citations)
        turns.append(Turn(q, resolved, a.text))


def test_project_follow_up_finds_the_project(sample_retriever) -> None:
    first = "Tháng 11/2025 dự án Kè bờ sông Mai còn bao nhiêu hộ chưa nhận tiền bồi thường?"
    a1 = answer(first, sample_retriever)
    resolved = resolve("dự án đó đang ở giai đoạn nào?", [Turn(first, first, a1.text)])
    a2 = answer(resolved, sample_retriever)
    assert not a2.insufficient
    assert all("Kè bờ sông Mai" in c.text or "Kè bờ sông Mai" in c.quote for c in a2.citations[:1])


def test_sessions_round_trip_and_survive_damage(tmp_path) -> None:
    save_session(tmp_path, "phiên/../1", [Turn("a", "a", "x")])
    assert load_session(tmp_path, "phiên/../1") == [Turn("a", "a", "x")]
    assert all(p.parent == tmp_path / "sessions" for p in (tmp_path / "sessions").iterdir())
    (tmp_path / "sessions" / "hong.json").write_text("{not json", encoding="utf-8")
    assert load_session(tmp_path, "hong") == []


def test_cli_session(copy_sample_index, subprocess_env) -> None:
    index = copy_sample_index()
    first = run_cli(
        [
            "ask",
            "--json",
            "--index",
            index,
            "--session",
            "s1",
            "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?",
        ],
        subprocess_env,
    )
    second = run_cli(
        ["ask", "--json", "--index", index, "--session", "s1", "còn tháng 11 thì sao?"],
        subprocess_env,
    )
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    data = json.loads(second.stdout)
    assert data["question"] == "còn tháng 11 thì sao?"
    assert data["resolved_question"] == "Lũy kế thu NSNN tháng 11/2025 đạt bao nhiêu?"
    assert "343.848" in data["answer"]


# ---- what a follow-up carries, and what it does not ------------------------------------------


def test_a_complete_question_gets_nothing_from_the_previous_turn() -> None:
    """The old rule appended "(tháng 12)" to every later question; a question with a
    subject of its own and no period keeps none."""
    first = "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?"
    q = "Có bao nhiêu vụ tai nạn giao thông?"
    assert resolve(q, [Turn(first, first)]) == q


def test_relative_periods_step_from_the_period_under_discussion() -> None:
    first = "Lượt khám bệnh tháng 11/2025 là bao nhiêu?"
    h = [Turn(first, first)]
    assert resolve("tháng trước thì sao?", h) == "Lượt khám bệnh tháng 10/2025 là bao nhiêu?"
    assert resolve("Số vụ tai nạn giao thông tháng trước?", h) == (
        "Số vụ tai nạn giao thông tháng 10/2025?"
    )
    # with nothing under discussion, "tháng trước" is left to the router
    assert resolve("tháng trước thì sao?", []) == "tháng trước thì sao?"


def test_a_follow_on_carries_the_period_only_when_it_names_none() -> None:
    first = "Lũy kế thu NSNN tháng 12/2025 đạt bao nhiêu?"
    h = [Turn(first, first)]
    assert resolve("Còn giải ngân vốn đầu tư công?", h) == (
        "Còn giải ngân vốn đầu tư công (tháng 12/2025)?"
    )
    assert resolve("Còn giải ngân vốn đầu tư công tháng 10/2025?", h) == (
        "Còn giải ngân vốn đầu tư công tháng 10/2025?"
    )


def test_the_same_question_about_another_thing() -> None:
    h = [Turn("a", "Năm 2025 tỉnh tuyển dụng bao nhiêu viên chức?")]
    assert resolve("Còn công chức thì sao?", h) == "Năm 2025 tỉnh tuyển dụng bao nhiêu công chức?"
    h = [Turn("a", "Chỉ số chi phí gia nhập thị trường của Lâm Đồng được bao nhiêu điểm?")]
    assert resolve("Còn Bình Thuận thì sao?", h) == (
        "Chỉ số chi phí gia nhập thị trường của Bình Thuận được bao nhiêu điểm?"
    )


def test_another_subject_takes_the_place_of_the_previous_one() -> None:
    """ "còn tai nạn giao thông thì sao?" after a question about crime asks the same of
    traffic accidents — not the crime question with the words bracketed after it."""
    first = "Tình hình tội phạm hình sự tháng 12 thế nào, nhiều hay ít hơn tháng trước?"
    assert resolve("còn tai nạn giao thông thì sao?", [Turn(first, first)]) == (
        "Tình hình tai nạn giao thông tháng 12 thế nào, nhiều hay ít hơn tháng trước?"
    )


def test_a_follow_on_naming_nothing_carries_what_was_asked_about() -> None:
    first = "Đến nay toàn tỉnh cấp được bao nhiêu tài khoản định danh điện tử?"
    resolved = resolve("thế đã kích hoạt được bao nhiêu?", [Turn(first, first)])
    assert resolved.startswith("thế đã kích hoạt được bao nhiêu (")
    assert "tài khoản định danh điện tử" in resolved
    # without a "thế", "còn": a question this bare is no question of its own either
    first = "xa nao lam nha cho ho ngheo cham nhat"
    resolved = resolve("vì sao chậm vậy?", [Turn(first, first)])
    assert resolved.startswith("vì sao chậm vậy (") and "ho ngheo" in resolved


def test_a_subject_left_out_is_taken_from_the_previous_question() -> None:
    first = "Xã Phú Mai được thẩm định nông thôn mới nâng cao vào ngày nào?"
    resolved = resolve("Thế đến giờ tỉnh đã ra quyết định công nhận chưa?", [Turn(first, first)])
    assert "Xã Phú Mai" in resolved


def test_a_place_follow_up_swaps_the_place_not_another_capitalised_word() -> None:
    first = "Lâm Đồng xếp hạng mấy về chỉ số Chi phí gia nhập thị trường năm 2024?"
    assert (
        resolve("Còn Bình Thuận thì sao?", [Turn(first, first)])
        == "Bình Thuận xếp hạng mấy về chỉ số Chi phí gia nhập thị trường năm 2024?"
    )


def test_anaphora_of_any_kind_finds_its_antecedent() -> None:
    # a project named at the start of the question, its kind capitalised
    first = "Dự án Kè suối Lao Ly tháng này có gì mới?"
    assert resolve("Tháng tới dự án đó dự kiến làm gì?", [Turn(first, first)]) == (
        "Tháng tới dự án Kè suối Lao Ly dự kiến làm gì?"
    )
    # a thing named by the words after its kind, not by a capitalised name
    first = "Trung tâm điều hành thông minh IOC của tỉnh đang triển khai tới đâu?"
    assert resolve("Tổng vốn cho trung tâm đó là bao nhiêu?", [Turn(first, first)]) == (
        "Tổng vốn cho trung tâm điều hành thông minh IOC của tỉnh là bao nhiêu?"
    )
    # "tỉnh này": the place the previous question named
    first = "Đắk Nông đạt bao nhiêu điểm PCI chung năm 2024?"
    assert "Đắk Nông" in resolve("Chỉ số nào của tỉnh này cao nhất?", [Turn(first, first)])
    # asked with "nào": the answer names it
    first = "Trong tháng 12 dự án nào bị chậm lựa chọn nhà thầu?"
    said = "Việc lựa chọn nhà thầu dự án Nhà văn hóa trung tâm thành phố chưa hoàn thành."
    resolved = resolve("dự án đó đã khởi công chưa?", [Turn(first, first, said)])
    assert resolved.startswith("dự án Nhà văn hóa trung tâm thành phố")


def test_a_part_of_what_was_just_asked_keeps_its_subject() -> None:
    first = "Có bao nhiêu chứng thư chữ ký số chuyên dùng công vụ đang hoạt động?"
    resolved = resolve("trong đó cấp xã bao nhiêu?", [Turn(first, first)])
    assert resolved == (
        "Có bao nhiêu chứng thư chữ ký số chuyên dùng công vụ đang hoạt động, "
        "trong đó cấp xã bao nhiêu?"
    )


def test_compared_with_last_month_is_a_comparison_not_last_months_question() -> None:
    """ "So với tháng trước thì tăng hay giảm?" keeps the figure under discussion and sets it
    against the month before; a follow-up naming a topic of its own is not rewritten so."""
    first = "Tháng 11/2025 có bao nhiêu người nhận an sinh xã hội qua tài khoản?"
    h = [Turn(first, first)]
    assert resolve("Tăng bao nhiêu so với tháng trước?", h) == (
        "Tháng 11/2025 có người nhận an sinh xã hội qua tài khoản tăng hay giảm bao nhiêu "
        "so với tháng 10/2025?"
    )
    assert resolve("So với tháng trước thì tăng hay giảm?", h).endswith("so với tháng 10/2025?")
    assert resolve("còn tháng trước thì sao?", h).startswith("tháng 10/2025 có bao nhiêu")
    assert "tháng 10/2025" in resolve("Số hộ nghèo tăng bao nhiêu so với tháng trước?", h)
    assert "an sinh" not in resolve("Số hộ nghèo tăng bao nhiêu so với tháng trước?", h)


def test_the_same_question_of_another_thing_asked_with_its_own_asking_words() -> None:
    """ "còn viên chức thì bao nhiêu?" is "còn viên chức thì sao?": its "thì bao nhiêu" is
    how it asks, not part of what it names."""
    first = "Tổng số biên chế công chức được giao năm 2025 là bao nhiêu?"
    expected = "Tổng số biên chế viên chức được giao năm 2025 là bao nhiêu?"
    for follow_up in ("còn viên chức thì bao nhiêu?", "còn viên chức thì là mấy?"):
        assert resolve(follow_up, [Turn(first, first)]) == expected


def test_a_follow_up_asking_its_own_question_keeps_it_and_carries_the_thing_named() -> None:
    """ "Thế bao giờ nhà thầu thi công lại?" after a question about a project asks its own
    question of that project: not the previous question with these words spliced in."""
    first = "Vì sao dự án Kè bờ sông Mai phải dừng thi công?"
    resolved = resolve("Thế bao giờ nhà thầu thi công lại?", [Turn(first, first)])
    assert resolved == "Thế bao giờ nhà thầu thi công lại (dự án Kè bờ sông Mai)?"
    first = "Hội nghị đối thoại doanh nghiệp năm 2025 có bao nhiêu doanh nghiệp dự?"
    resolved = resolve("Thế các kiến nghị giải quyết được bao nhiêu?", [Turn(first, first)])
    assert resolved.startswith("Thế các kiến nghị giải quyết được bao nhiêu")


def test_last_month_of_a_month_named_without_its_year() -> None:
    first = "Tháng 11 thành phố thu ngân sách trong tháng được bao nhiêu?"
    h = [Turn(first, first)]
    assert resolve("còn tháng trước thì sao?", h) == (
        "tháng 10 thành phố thu ngân sách trong tháng được bao nhiêu?"
    )
    second = "Tháng 12 giải ngân vốn đầu tư công đạt bao nhiêu phần trăm?"
    compared = resolve("so với tháng 11 thì tăng bao nhiêu?", [Turn(second, second)])
    assert compared.endswith("tăng hay giảm bao nhiêu so với tháng 11?")
    # January's month before is in a year nobody named: left as typed
    third = "Tháng 1 giải ngân vốn đầu tư công đạt bao nhiêu phần trăm?"
    assert "tháng trước" in resolve("còn tháng trước thì sao?", [Turn(third, third)])


def test_a_question_going_on_about_the_same_thing_keeps_its_month() -> None:
    """No "còn", no month: a question about what the previous one counted is asked of the
    same month; one about something else, or naming a year's event, carries nothing."""
    first = "Tháng 11 cấp bao nhiêu giấy phép xây dựng?"
    assert resolve("lũy kế từ đầu năm là bao nhiêu giấy phép?", [Turn(first, first)]) == (
        "lũy kế từ đầu năm là bao nhiêu giấy phép (tháng 11)?"
    )
    second = "Tháng 1/2026 tiếp công dân định kỳ được bao nhiêu lượt?"
    assert resolve("lĩnh vực nào nhiều lượt nhất?", [Turn(second, second)]) == (
        "lĩnh vực nào nhiều lượt nhất (tiếp công dân định kỳ, tháng 01/2026)?"
    )
    third = "Hội nghị xúc tiến đầu tư tỉnh Lâm Đồng năm 2025 trao bao nhiêu quyết định?"
    q = "Tỷ lệ trả viện phí không dùng tiền mặt đạt bao nhiêu?"  # tiền is not tiến
    assert resolve(q, [Turn(third, third)]) == q


def test_another_thing_counted_takes_the_place_of_what_was_counted() -> None:
    first = "Tháng 12/2023 trên địa bàn xảy ra bao nhiêu vụ phạm pháp hình sự, tăng hay giảm?"
    assert resolve("thế còn tai nạn giao thông thì sao?", [Turn(first, first)]) == (
        "Tháng 12/2023 trên địa bàn xảy ra bao nhiêu vụ tai nạn giao thông, tăng hay giảm?"
    )


def test_this_matter_is_what_the_previous_question_was_about() -> None:
    """'chuyện này', 'việc này' name no kind of thing: the matter just asked about."""
    prev = "Đường vành đai phía Bắc đang vướng mặt bằng ở đoạn nào?"
    out = resolve("tháng tới tính gỡ chuyện này thế nào?", [Turn(prev, prev, "")])
    assert "Đường vành đai phía Bắc đang vướng mặt bằng" in out and "chuyện này" not in out
    prev = "Kế hoạch trang trí đô thị dịp Tết số mấy?"
    out = resolve("việc này đã xong chưa?", [Turn(prev, prev, "")])
    assert out == "Kế hoạch trang trí đô thị dịp Tết đã xong chưa?"


def test_this_figure_is_what_the_previous_question_measured() -> None:
    """'số này', 'con số đó': the figure just asked ("số" is not "sở", a department, though
    both fold alike); 'trong số này' is a part of it, asked as such."""
    prev = "Số cuộc thanh tra hành chính 11 tháng năm 2026 của Bích Sơn là bao nhiêu?"
    out = resolve("Sao con số này khác với báo cáo của UBND tỉnh?", [Turn(prev, prev, "")])
    assert out.startswith("Sao số cuộc thanh tra hành chính của Bích Sơn khác với"), out
    prev = "Có bao nhiêu hộ nghèo?"
    part = "Trong số này có bao nhiêu hộ người dân tộc?"
    assert "số này" in resolve(part, [Turn(prev, prev, "")])


def test_a_month_of_its_own_is_no_part_of_the_previous_question() -> None:
    """'Riêng tháng 10/2025 …' asks on its own; 'riêng cấp xã bao nhiêu?' asks a part."""
    prev = "Hồ sơ giải quyết trễ hạn ở các sở, ngành nhiều hơn cấp xã bao nhiêu?"
    own = "Riêng tháng 10/2025 các sở, ngành giải quyết bao nhiêu hồ sơ?"
    assert resolve(own, [Turn(prev, prev, "")]) == own
    assert resolve("riêng cấp xã bao nhiêu?", [Turn(prev, prev, "")]).startswith(prev.rstrip("?"))


def test_a_period_of_its_own_with_a_verb_asks_of_what_was_measured() -> None:
    """ "Riêng trong tháng 11 thì tiêu được bao nhiêu?" after the rate disbursed by 30/11:
    its own month and verb, of what the previous question measured and where — not a part
    of the rate, nor that rate's "phần trăm"."""
    prev = "Đến 30/11/2025 tỉnh Hà Lam giải ngân vốn đầu tư công được bao nhiêu phần trăm?"
    out = resolve("Riêng trong tháng 11 thì tiêu được bao nhiêu?", [Turn(prev, prev, "")])
    assert out.startswith("Riêng trong tháng 11/2025 thì tiêu được bao nhiêu (")
    assert "giải ngân vốn đầu tư công" in out and "Hà Lam" in out
    assert "phần trăm" not in out and "30/11" not in out


def test_a_part_joined_to_the_previous_question_starts_lower_case() -> None:
    first = "Tổng số đơn vị sự nghiệp công lập là bao nhiêu?"
    prev = Turn(first, first)
    resolved = resolve("Riêng thuộc UBND cấp xã là bao nhiêu?", [prev])
    assert resolved == (
        "Tổng số đơn vị sự nghiệp công lập là bao nhiêu, riêng thuộc UBND cấp xã là bao nhiêu?"
    )


def test_did_it_rise_compares_the_month_named_with_the_one_discussed(sample_retriever) -> None:
    """ "Tháng 1 có nhích lên không?" after December's rate: December's figure against
    January's, each cited from its own report — the two reports write the same sentence
    (74,9% both months), and each month is still quoted and cited apart."""
    first = "Tháng 12 tỷ lệ hồ sơ nộp trực tuyến toàn trình đạt bao nhiêu?"
    turn = Turn(first, resolve(first, []), "")
    resolved = resolve("Tháng 1 có nhích lên không?", [turn])
    assert "tăng hay giảm" in resolved and "so với tháng 01" in resolved, resolved
    a = answer(resolved, sample_retriever)
    assert "không đổi: 74,9 − 74,9 = 0,0 điểm %" in a.text, a.text
    assert len({c.report for c in a.citations}) == 2, a.citations


def test_a_month_with_no_year_is_the_nearest_to_the_one_discussed() -> None:
    """ "So với tháng 10 năm ngoái thì giảm được mấy vụ?" after January 2026: October
    2025, and the change counts what the previous question counted."""
    first = "Tháng 1/2026 trên địa bàn xảy ra bao nhiêu vụ phạm pháp hình sự?"
    out = resolve("So với tháng 10 năm ngoái thì giảm được mấy vụ?", [Turn(first, first)])
    assert out == (
        "Tháng 1/2026 trên địa bàn xảy ra vụ phạm pháp hình sự tăng hay giảm bao nhiêu so "
        "với tháng 10/2025?"
    )
    later = resolve("còn tháng 2 thì sao?", [Turn(first, first)])
    assert "tháng 2/2026" in later, later


def test_which_one_most_carries_what_was_counted() -> None:
    """ "thôn nào nhiều nhất?" after a count of dengue cases: among the villages, the most
    of those cases — not the most of anything the commune's reports list by village."""
    prev = "Tháng 10 xã Hòa Thịnh có bao nhiêu ca sốt xuất huyết?"
    resolved = resolve("thôn nào nhiều nhất?", [Turn(prev, prev, "")])
    assert "sốt xuất huyết" in resolved and "tháng 10" in resolved, resolved


def test_the_other_extreme_turns_the_previous_superlative() -> None:
    """ "còn thôn ít nhất?" after "… thôn nào còn nhiều hộ nghèo nhất": the fewest of the
    same households — not "hộ nghèo nhất" replaced, nor "nhiều" carried beside "ít"."""
    prev = "ra soat cuoi nam thon nao o tan khe con nhieu ho ngheo nhat"
    resolved = resolve("còn thôn ít nhất?", [Turn(prev, prev, "")])
    assert resolved == "ra soat cuoi nam thon nao o tan khe con ít ho ngheo nhat"
    prev = "Xã nào có nhiều vụ vi phạm nhất?"
    resolved = resolve("thế xã nào ít nhất?", [Turn(prev, prev, "")])
    assert "vụ vi phạm" in resolved and "nhiều" not in resolved, resolved
    # every superlative word turns, "đông" and "nặng" as "nhiều" does
    prev = "Phường nào đông dân nhất?"
    assert resolve("còn phường ít nhất?", [Turn(prev, prev, "")]) == "Phường nào ít dân nhất?"
    prev = "Xã nào thiệt hại nặng nhất?"
    assert resolve("còn xã nhẹ nhất?", [Turn(prev, prev, "")]) == "Xã nào thiệt hại nhẹ nhất?"


def test_set_beside_another_is_the_same_figure_asked_again() -> None:
    """ "so với mục tiêu đề ra thì sao?": the previous figure set beside the target — not
    "Sở Tài chính …" replaced by "so với …" because the two fold alike."""
    prev = "Sở Tài chính báo cáo giải ngân đến 31/10 đạt bao nhiêu phần trăm?"
    got = resolve("so với mục tiêu đề ra thì sao?", [Turn(prev, prev)])
    assert got == prev.rstrip("?") + ", so với mục tiêu đề ra?"


def test_a_new_name_asked_of_what_the_previous_question_was_about() -> None:
    """ "còn sang Đức bao nhiêu người?" after a superlative over the markets: the workers sent
    abroad, less the superlative — and "lao động" stays whole though it folds as "đông"."""
    before = "nguoi di lao dong nuoc ngoai nam nay sang nuoc nao dong nhat?"
    resolved = resolve("con sang Duc bao nhieu nguoi?", [Turn(before, before, "…")])
    assert resolved.startswith("con sang Duc bao nhieu nguoi (")
    assert "lao dong nuoc ngoai" in resolved
    assert "nhat" not in resolved


def test_compared_with_another_period_replaces_the_one_compared_with() -> None:
    """ "còn so với cùng kỳ năm ngoái?" after "… tháng 11 … so với tháng 10?": November is
    still the month asked of; what it is compared with changes (it replaced November)."""
    prev = Turn("x", "Sản lượng đánh bắt tháng 11 của xã hụt bao nhiêu so với tháng 10?")
    resolved = resolve("con so voi cung ky nam ngoai?", [prev])
    assert "tháng 11" in resolved and "tháng 10" not in resolved, resolved
    assert resolved.endswith("so với cung ky nam ngoai?"), resolved
    # a new month of its own is still the month asked of
    assert "tháng 12" in resolve("còn tháng 12 thì sao?", [prev]).split("so với")[0]


def test_so_then_goes_on_about_the_previous_subject() -> None:
    """ "vậy ngành GD thiệt hại bao nhiêu tiền?" after the storm's schools: "vậy", "thế" (typed
    without accents too) go on about what was just asked, whatever else they name; "thế còn
    X" asks the same of another thing, and "… đó" points at it itself."""
    storm = "bão số 6 ảnh hưởng bao nhiêu trường học?"
    resolved = resolve("vậy ngành gd thiệt hại tổng cộng bao nhiêu tiền?", [Turn(storm, storm)])
    assert "bão số 6" in resolved
    capital = "nhu cau von dau tu cong 2027 cac noi de xuat bao nhieu?"
    resolved = resolve("the tinh du kien trinh HDND bao nhieu?", [Turn(capital, capital)])
    assert "von dau tu cong 2027" in resolved
    rent = "Tháng 12 thu tiền thuê nhà ở thuộc sở hữu Nhà nước được bao nhiêu, mấy lượt?"
    resolved = resolve("Thế còn tiền trông giữ xe ở nhà ở xã hội thì sao?", [Turn(rent, rent)])
    assert "thuê" not in resolved and "tháng 12" in resolved
    # an English question is no "the" typed without accents
    english = "The Everwin garment plant: when was it licensed?"
    assert resolve(english, [Turn(capital, capital)]) == english


def test_why_it_changed_asks_of_what_was_just_asked_where_it_was_asked() -> None:
    """ "sao lại giảm vậy?" after the ward's online filing rate: why that rate fell — the
    thing measured, not only the ward the previous question named."""
    rate = "Ty le ho so TTHC nop truc tuyen quy 3 o phuong Thach Ban la bao nhieu?"
    resolved = resolve("sao lai giam vay?", [Turn(rate, rate)])
    assert "Thach Ban" in resolved and "truc tuyen" in resolved, resolved
    revenue = "Tháng 11 thu ngân sách phường Bến Đò được bao nhiêu?"
    resolved = resolve("vì sao giảm?", [Turn(revenue, revenue)])
    assert "Bến Đò" in resolved and "thu ngân sách" in resolved and "tháng 11" in resolved


def test_why_asks_of_the_one_the_previous_answer_found() -> None:
    """ "vì sao chậm vậy?" after "xã nào làm nhà chậm nhất?": why the commune the answer
    found is slow — its name and figures, as the answer quoted them; "nhờ đâu mà tăng mạnh
    vậy?" asks of the market found, not again for the fastest ("nhất")."""
    slowest = "xa nao lam nha cho ho ngheo cham nhat"
    found = (
        "Theo danh sách trong báo cáo, thấp nhất là:\n- xã Thạch Bàn 41/64 căn (64,1%). "
        "Nguyên nhân chủ yếu do địa hình chia cắt [1]"
    )
    resolved = resolve("vì sao chậm vậy?", [Turn(slowest, slowest, found)])
    assert "xã Thạch Bàn 41/64 căn (64,1%)" in resolved and "nhat" not in resolved, resolved
    market = "Thị trường khách quốc tế nào tăng mạnh nhất năm nay?"
    found = "Theo danh sách trong báo cáo, cao nhất là Nga (Tăng/giảm: +32,7%):\n- Thị trường: Nga"
    resolved = resolve("nho dau ma tang manh vay?", [Turn(market, market, found)])
    assert resolved.startswith("nho dau ma tang manh vay (") and "Nga" in resolved, resolved
    assert "nhất" not in resolved


def test_a_comparison_asked_in_a_leaders_words_keeps_the_figure() -> None:
    """ "nhiều hơn hay ít hơn, chênh bao nhiêu phần trăm", "hụt hay tăng, vì sao" ask how
    the figure just asked changed, not a topic of their own."""
    first = "Quý 3 xã Hòa Phong thu ngân sách được bao nhiêu?"
    h = [Turn(first, first)]
    expected = "Quý 3 xã Hòa Phong thu ngân sách được tăng hay giảm bao nhiêu so với quý II?"
    asked = "So với quý trước thì nhiều hơn hay ít hơn, chênh bao nhiêu phần trăm?"
    assert resolve(asked, h) == expected
    assert resolve("So với quý 2 thì hụt hay tăng, vì sao?", h) == expected


def test_last_month_steps_from_the_month_the_follow_up_names() -> None:
    """ "Sang tháng 11 …, hơn hay kém tháng trước?": November against October — not October
    against September, the month before the one under discussion."""
    first = "Tháng 10/2025 phường An Thịnh thu ngân sách được bao nhiêu?"
    asked = "Sang tháng 11 thì thu được bao nhiêu, hơn hay kém tháng trước?"
    assert resolve(asked, [Turn(first, first)]) == (
        "Tháng 11/2025 phường An Thịnh thu ngân sách được tăng hay giảm bao nhiêu so với "
        "tháng 10/2025?"
    )
    # "tháng 10 năm ngoái" is one period, the one compared with
    first = "Tháng 1/2026 trên địa bàn xảy ra bao nhiêu vụ phạm pháp hình sự?"
    resolved = resolve("So với tháng 10 năm ngoái thì giảm được mấy vụ?", [Turn(first, first)])
    assert resolved.startswith("Tháng 1/2026") and resolved.endswith("so với tháng 10/2025?")


def test_the_province_as_a_whole_after_a_commune() -> None:
    """ "Còn toàn tỉnh thì được bao nhiêu?" after a commune's rate: the same figure, the
    commune's beside the province's — not the commune's again."""
    first = "Đến cuối quý III tỷ lệ dân Hòa Phong tham gia BHYT là bao nhiêu?"
    assert resolve("Còn toàn tỉnh thì được bao nhiêu?", [Turn(first, first)]) == (
        "Đến cuối quý III tỷ lệ dân Hòa Phong tham gia BHYT là bao nhiêu, còn toàn tỉnh thì "
        "được bao nhiêu?"
    )
    first = "den giua thang 10 xa tan khe giai ngan von dau tu cong duoc bao nhieu phan tram?"
    resolved = resolve("so voi binh quan ca tinh thi cao hay thap?", [Turn(first, first)])
    assert resolved.startswith("den giua thang 10 xa tan khe giai ngan")
    assert resolved.endswith(", so voi binh quan ca tinh thi cao hay thap?")


def test_another_source_of_the_figure_just_asked() -> None:
    """ "Sở Tài chính ghi con số bao nhiêu, có khớp với xã không?" names a source, not what
    is counted: the figure of the previous question, as the department gives it."""
    first = "Công trình đường Nà Lừ - Khuổi Hin ở Hòa Phong đã tiêu được bao nhiêu vốn?"
    asked = "Sở Tài chính ghi con số bao nhiêu, có khớp với xã không?"
    assert resolve(asked, [Turn(first, first)]) == f"{first.rstrip('?')}, {asked}"
    # naming what it compares is a question of its own
    asked = "Số dự án vướng mắc ở hai phần có khớp không?"
    assert resolve(asked, [Turn(first, first)]) == asked


def test_that_round_of_what_was_asked_is_what_it_was_about() -> None:
    """ "đợt đó" names no kind the previous question named: it is what that question was
    about, carried in brackets."""
    history = [Turn("Phiên đấu giá 24 lô đất ở khu Gò Dưa diễn ra ngày nào?", "x")]
    history = [Turn(history[0].question, history[0].question)]
    resolved = resolve("Dự kiến thu về bao nhiêu tiền từ đợt đó?", history)
    assert resolved == (
        "Dự kiến thu về bao nhiêu tiền từ đợt (Phiên đấu giá 24 lô đất ở khu Gò Dưa diễn ra)?"
    )


@pytest.mark.parametrize(
    ("previous", "question", "carried"),
    [
        ("Quý III phường Thạch Bàn ghi nhận bao nhiêu ca sốt xuất huyết?", "tập trung ở khu nào?",
         ["ca sốt xuất huyết", "thạch bàn", "quý III"]),
        ("Tháng 11 có mấy vụ cháy?", "xảy ra ở đâu?", ["vụ cháy", "tháng 11"]),
    ],
)  # fmt: skip
def test_where_it_happened_asks_of_what_was_just_counted(previous, question, carried) -> None:
    """ "tập trung ở khu nào?" names nothing but where: where what the previous question
    counted happened, in its period — each name carried once."""
    resolved = resolve(question, [Turn(previous, previous, "")])
    assert resolved.startswith(question.rstrip("?"))
    assert all(c in resolved for c in carried), resolved
    assert resolved.lower().count("thạch bàn") <= 1
    # a question naming its own subject is left as it is
    own = "Vụ cháy chợ An Thịnh xảy ra ở đâu?"
    assert resolve(own, [Turn(previous, previous, "")]) == own


def test_what_actually_came_of_an_estimate_is_the_same_measure_at_its_own_day() -> None:
    """ "thực tế đến giữa tháng 1 được bao nhiêu?" after the estimate for the end of January:
    the disbursement asked, at the day the follow-up names, not the estimate again."""
    estimate = (
        "Báo cáo tháng 12 ước đến cuối tháng 1/2026 giải ngân vốn đầu tư công được bao nhiêu "
        "phần trăm?"
    )
    resolved = resolve("thực tế đến giữa tháng 1 được bao nhiêu?", [Turn(estimate, estimate)])
    assert "giải ngân vốn đầu tư công" in resolved, resolved
    assert "ước" not in resolved.split("(", 1)[1]


def test_what_is_carried_is_the_topic_as_written_not_how_it_was_asked() -> None:
    """The "bão" of "bão số 6" is carried, never the "bao" of "bao nhiêu" that folds like
    it ("… (bão số 6 ảnh hưởng bao trường học)" had been shown as understood)."""
    storm = "Bão số 6 ảnh hưởng bao nhiêu trường học?"
    resolved = resolve("vậy ngành GD thiệt hại tổng cộng bao nhiêu tiền?", [Turn(storm, storm)])
    carried = resolved.split("(", 1)[1]
    assert "bão số 6" in carried and "trường học" in carried, resolved
    assert " bao " not in f" {carried} "
