"""Run each request's view and render in one roomy interpreter frame.

CPython 3.11 keeps each thread's frames in 16 KiB chunks, allocated with mmap when a
call crosses the end of one and released with munmap as soon as that call returns
(python/cpython gh-142183; fixed upstream in 2026 by keeping one spare chunk,
not in 3.11). Django's templates recurse up and down
across such a boundary thousands of times a render: the explorer's 50 rows cost 5,000
mmap/munmap pairs and as many page faults a request under gunicorn, a fifth of its CPU.
Where the boundaries fall depends on how deep the server's own stack is, which is why
the same request can cost less in a test than when served. Public pages thrash too
(a served home page: about 650 pairs, an article about 400).

`call_in_roomy_frame` calls through a frame that reserves room for 40,000 stack slots:
CPython gives it a chunk of its own (512 KiB, only the pages used are ever touched),
and the frames of everything the call runs fit in the rest of that chunk.
"""

ROOM_SLOTS = 40_000


def call_in_roomy_frame(function, *args):
    return function(*args)


# The frame's size is the code's locals plus its stack size: asking for a deeper
# stack than the code uses reserves the room and changes nothing else.
call_in_roomy_frame.__code__ = call_in_roomy_frame.__code__.replace(
    co_stacksize=ROOM_SLOTS
)


class RoomyFrameMiddleware:
    """Everything below it in MIDDLEWARE, and the view, in one roomy frame. It sits
    after the page cache: a page answered from the cache renders no template."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return call_in_roomy_frame(self.get_response, request)
