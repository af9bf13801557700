import torch
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
X = torch.randn(512, 20)
y = (X.sum(dim=1) > 0).long()
loader = DataLoader(TensorDataset(X, y), batch_size=32, shuffle=True)

model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 2))
criterion = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=1e-3, weight_decay=0.0)

history = {"loss": [], "acc": []}
for epoch in range(5):
    model.train()
    running, correct, seen = 0.0, 0, 0
    for xb, yb in loader:
        optimizer.zero_grad()
        out = model(xb)
        loss = criterion(out, yb)
        loss.backward()
        optimizer.step()
        running += loss.item() * xb.size(0)
        correct += (out.argmax(1) == yb).sum().item()
        seen += xb.size(0)
    history["loss"].append(running / seen)
    history["acc"].append(correct / seen)
    print(f"epoch {epoch + 1}: loss={history['loss'][-1]:.4f} acc={history['acc'][-1]:.3f}")

model.eval()
with torch.no_grad():
    preds = model(X).argmax(dim=1)
    print("final accuracy:", (preds == y).float().mean().item())
