"""Load profile of a forum day: visitors browse forums, sessions and recommendations."""

import os
import random

from locust import FastHttpUser, between, task

FORUMS = os.environ.get("BENCH_FORUMS", "bench-1").split(",")
REC_MIN, REC_MAX = (int(x) for x in os.environ.get("BENCH_RECOMMENDATIONS", "1-1").split("-"))
PAGES = int(os.environ.get("BENCH_LIST_PAGES", "1"))


class Visitor(FastHttpUser):
    wait_time = between(0.5, 2)

    @task(2)
    def home(self) -> None:
        self.client.get("/en/", name="home")

    @task(2)
    def forum_list(self) -> None:
        self.client.get("/en/forums/", name="forum list")

    @task(3)
    def forum_detail(self) -> None:
        self.client.get(f"/en/forums/{random.choice(FORUMS)}/", name="forum page")

    @task(2)
    def session_detail(self) -> None:
        self.client.get(f"/en/forums/{random.choice(FORUMS)}/sessions/{random.randint(1, 4)}/", name="session page")

    @task(4)
    def recommendation_list(self) -> None:
        self.client.get(f"/ru/recommendations/?page={random.randint(1, PAGES)}", name="recommendation list")

    @task(1)
    def recommendation_filter(self) -> None:
        self.client.get("/en/recommendations/?theme=climate-change&country=KZ", name="recommendation list, filtered")

    @task(4)
    def recommendation_detail(self) -> None:
        self.client.get(f"/en/recommendations/{random.randint(REC_MIN, REC_MAX)}/", name="recommendation page")
