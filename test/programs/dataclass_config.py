from dataclasses import dataclass, field, asdict


@dataclass
class TrainConfig:
    lr: float = 1e-3
    batch_size: int = 32
    epochs: int = 10
    layers: list = field(default_factory=lambda: [784, 256, 10])
    name: str = "mlp"

    def steps_per_epoch(self, n_samples):
        return -(-n_samples // self.batch_size)


cfg = TrainConfig()
print(cfg)
fast = TrainConfig(lr=0.01, epochs=3, name="fast")
print(fast)
print(cfg == TrainConfig(), cfg == fast)
print(cfg.steps_per_epoch(60000), fast.steps_per_epoch(1000))
print(asdict(fast))
fast.layers.append(5)
print(fast.layers, cfg.layers)
