from hypothesis import given
from hypothesis import strategies as st
from policy.voices import (
    goal_progress,
    is_low,
    peer_measure,
    rating_problem,
    rating_to_score,
    satisfaction_measure,
)


def test_ratings_are_whole_numbers_from_1_to_5():
    assert rating_problem(1) is None
    assert rating_problem(5) is None
    assert rating_problem(0) == "range"
    assert rating_problem(6) == "range"
    assert rating_problem(3.5) == "not_whole"
    assert rating_problem(True) == "not_whole"
    assert rating_problem("4") == "not_whole"


def test_the_1_to_5_scale_maps_onto_0_to_100():
    assert rating_to_score(1) == 0
    assert rating_to_score(3) == 50
    assert rating_to_score(5) == 100


def test_fewer_than_three_colleagues_is_no_measure():
    assert peer_measure([5, 5]) is None
    assert peer_measure([5, 4, 3]) == (4.0, 75.0)
    assert peer_measure([4, 4], minimum=2) == (4.0, 75.0)
    assert peer_measure([]) is None


@given(st.lists(st.integers(min_value=1, max_value=5), min_size=3, max_size=30))
def test_peer_scores_stay_on_the_scale(ratings):
    average, score = peer_measure(ratings)
    assert 1 <= average <= 5
    assert 0 <= score <= 100


def test_no_answer_is_not_a_zero():
    assert satisfaction_measure([]) is None
    assert satisfaction_measure([None, None]) is None
    assert satisfaction_measure([80, None, 100]) == 90.0
    # Scores out of range are clamped, not trusted.
    assert satisfaction_measure([120, -5]) == 50.0


def test_low_satisfaction_calls_the_manager():
    assert is_low(59.9, 60)
    assert not is_low(60, 60)
    assert not is_low(None, 60)


def test_goal_progress():
    assert goal_progress(6, 12) == 50.0
    assert goal_progress(20, 12) == 100.0
    assert goal_progress(3, 0) == 100.0
    assert goal_progress(None, 5) == 0.0
