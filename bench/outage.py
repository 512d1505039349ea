"""Polls a stack's /up every 50 ms on its own thread and reports the longest time it did not answer 200."""
import threading
import time

from stack import get_up

INTERVAL = 0.05


class UpPoller(threading.Thread):
    def __init__(self, port, interval=INTERVAL):
        super().__init__(daemon=True)
        self.port = port
        self.interval = interval
        self.samples = []  # (monotonic time the answer came, ok, body)
        self._halt = threading.Event()

    def run(self):
        while not self._halt.is_set():
            started = time.monotonic()
            ok, body = get_up(self.port, timeout=1.0)
            self.samples.append((time.monotonic(), ok, body))
            self._halt.wait(max(0.0, started + self.interval - time.monotonic()))

    def stop(self):
        self._halt.set()
        self.join()

    def longest_outage(self):
        """Seconds from the last 200 before a failure to the first 200 after it (the worst such gap);
        an outage still going on when polling stopped counts up to the last sample."""
        worst = 0.0
        last_ok = None
        failing = False
        for t, ok, _ in self.samples:
            if ok:
                if failing and last_ok is not None:
                    worst = max(worst, t - last_ok)
                last_ok = t
                failing = False
            else:
                failing = True
        if failing and last_ok is not None and self.samples:
            worst = max(worst, self.samples[-1][0] - last_ok)
        return worst

    def first_answer(self, body):
        """Monotonic time /up first answered 200 with this body, or None."""
        for t, ok, b in self.samples:
            if ok and b == body:
                return t
        return None
