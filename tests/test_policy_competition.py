import pytest
from policy import competition


@pytest.mark.parametrize(
    ("won", "lost", "expected"),
    [
        (0, 0, None),
        (1, 0, 100.0),
        (0, 3, 0.0),
        (1, 2, 33.3),
        (2, 1, 66.7),
    ],
)
def test_win_rate_counts_only_decided_deals(won, lost, expected):
    assert competition.win_rate(won, lost) == expected
