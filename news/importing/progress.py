"""A one-line progress bar for a terminal (the command draws it only when its output is a tty)."""


class ProgressBar:
    WIDTH = 40

    def __init__(self, stream):
        self.stream = stream
        self.drawn = False

    def update(self, done, total):
        filled = int(self.WIDTH * done / total) if total else self.WIDTH
        percent = int(100 * done / total) if total else 100
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {percent:3d}% {done}/{total}", ending="")
        self.stream.flush()
        self.drawn = True

    def finish(self):
        if self.drawn:
            self.stream.write("")
