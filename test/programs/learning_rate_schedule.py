import math

base_lr = 0.1
epochs = 10
warmup = 2


def lr_at(epoch):
    if epoch < warmup:
        return base_lr * (epoch + 1) / warmup
    progress = (epoch - warmup) / (epochs - warmup)
    return 0.5 * base_lr * (1 + math.cos(math.pi * progress))


schedule = [lr_at(e) for e in range(epochs)]
for e, lr in enumerate(schedule):
    bar = "=" * round(lr * 200)
    print(f"epoch {e:2d} lr={lr:.5f} {bar}")
print("min/max:", min(schedule), max(schedule))
step_decay = [base_lr * 0.5 ** (e // 3) for e in range(epochs)]
print(step_decay)
