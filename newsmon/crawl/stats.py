"""What a run did, counted per source: the lines a cron mail shows and the columns of crawl_runs."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class CrawlCounts:
    discovered: int = 0  # links new to the frontier
    fetched: int = 0  # responses received (listings and pages)
    new: int = 0
    duplicates: int = 0  # exact or near copies of a stored story
    errors: int = 0
    skipped_robots: int = 0
    skipped_known: int = 0  # already stored under this or its canonical URL
    not_modified: int = 0  # listings that answered 304
    skipped: int = 0  # not an article: PDF, image, no main text

    def add(self, other: "CrawlCounts") -> None:
        for key, value in asdict(other).items():
            setattr(self, key, getattr(self, key) + value)

    def summary(self) -> str:
        """The closing line of a run (cron mails show it first)."""
        return (f"{self.new} new articles, {self.duplicates} duplicates, {self.skipped_known} already "
                f"stored, {self.errors} errors, {self.skipped_robots} blocked by robots.txt, "
                f"{self.fetched} responses, {self.not_modified} unchanged listings")

    def line(self) -> str:
        return (f"{self.discovered} discovered, {self.fetched} fetched, {self.new} new, "
                f"{self.duplicates} duplicates, {self.skipped_known} already stored, "
                f"{self.not_modified} unchanged listings, {self.skipped} not articles, "
                f"{self.errors} errors, {self.skipped_robots} blocked by robots.txt")


def total(counts: list[CrawlCounts]) -> CrawlCounts:
    out = CrawlCounts()
    for c in counts:
        out.add(c)
    return out


def run_columns(counts: CrawlCounts) -> dict[str, int]:
    """The counters crawl_runs has columns for (the others go to the log lines)."""
    data = asdict(counts)
    del data["skipped"], data["not_modified"]
    return data
