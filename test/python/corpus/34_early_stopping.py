import math


class EarlyStopping:
    def __init__(self, patience=3, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best = math.inf
        self.bad_epochs = 0

    def step(self, loss):
        if loss < self.best - self.min_delta:
            self.best = loss
            self.bad_epochs = 0
            return False
        self.bad_epochs += 1
        return self.bad_epochs >= self.patience


val_losses = [1.0, 0.8, 0.7, 0.71, 0.69, 0.70, 0.72, 0.73, 0.74]
stopper = EarlyStopping(patience=3)
epoch = 0
while epoch < len(val_losses):
    loss = val_losses[epoch]
    if math.isnan(loss):
        epoch += 1
        continue
    if stopper.step(loss):
        print(f"stopping at epoch {epoch}, best={stopper.best}")
        break
    epoch += 1
else:
    print("ran all epochs")

for attempt in range(3):
    if attempt == 5:
        break
else:
    print("no break happened")
