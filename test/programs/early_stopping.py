val_losses = [0.90, 0.72, 0.65, 0.61, 0.62, 0.60, 0.63, 0.64, 0.66, 0.59]
best = float("inf")
best_epoch = -1
patience, wait = 3, 0
for epoch, loss in enumerate(val_losses):
    if loss < best - 1e-3:
        best, best_epoch, wait = loss, epoch, 0
        status = "improved"
    else:
        wait += 1
        status = f"no improvement ({wait}/{patience})"
    print(f"epoch {epoch}: val_loss={loss:.2f} {status}")
    if wait >= patience:
        print(f"early stopping at epoch {epoch}; best {best} at epoch {best_epoch}")
        break
else:
    print("trained all epochs")
