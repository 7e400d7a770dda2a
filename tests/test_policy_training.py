from policy import training


def test_the_target_follows_the_days():
    assert training.hours_target(2, 365) == 24.0
    assert training.hours_target(2, 91) == 6.0
    assert training.hours_target(0, 91) == 0.0
    assert training.hours_target(None, 30) == 0.0


def test_courses_to_do_keep_the_team_order():
    assert training.courses_to_do(["a", "b", "c"], {"b"}) == ["a", "c"]
    assert training.courses_to_do(["a"], ["a"]) == []
    assert training.courses_to_do([], ["a"]) == []
