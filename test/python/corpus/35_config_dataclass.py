from dataclasses import dataclass, field, asdict
from typing import List, Optional, Tuple


@dataclass
class TrainConfig:
    lr: float = 1e-3
    batch_size: int = 32
    epochs: int = 10
    hidden: List[int] = field(default_factory=lambda: [128, 64])
    input_shape: Tuple[int, ...] = (1, 28, 28)
    seed: Optional[int] = None
    name: str = "run"

    def __post_init__(self):
        if self.lr <= 0:
            raise ValueError(f"lr must be positive, got {self.lr}")

    @property
    def n_inputs(self) -> int:
        n = 1
        for d in self.input_shape:
            n *= d
        return n


@dataclass(frozen=True)
class Point:
    x: float
    y: float = 0.0


cfg = TrainConfig(lr=0.01, hidden=[256])
print(cfg, cfg.n_inputs, asdict(cfg)["hidden"])
print(Point(1.0), Point(2, 3) == Point(2, 3))
