import asyncio


async def fetch_batch(i, delay=0.01):
    await asyncio.sleep(delay)
    return [i] * 3


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        self.i = 0
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class Session:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


async def main():
    batches = await asyncio.gather(*(fetch_batch(i) for i in range(3)))
    async with Session() as s:
        async for t in Ticker(3):
            print(t, s is not None)
    squares = [x async for x in Ticker(4) if x % 2]
    return batches, squares


print(asyncio.run(main()))
