"""Names of Snuba datasets: constants only, importing this needs no Snuba."""

from enum import Enum, unique


@unique
class Dataset(Enum):
    Events = "events"
    Transactions = "transactions"
    Discover = "discover"
    IssuePlatform = "search_issues"
    Metrics = "metrics"
