# Batching image data: NHWC numpy arrays to NCHW tensors with permute, flatten with view, and batches.
import numpy as np
import torch

n, h, w, c = 10, 4, 4, 3
images = np.arange(n * h * w * c, dtype=np.float32).reshape(n, h, w, c) / 255.0
x = torch.from_numpy(images)
print("NHWC:", x.shape)

x = x.permute(0, 3, 1, 2)
print("NCHW:", x.shape, "contiguous:", x.is_contiguous())
x = x.contiguous()
print("contiguous now:", x.is_contiguous())

flat = x.view(x.size(0), -1)
print("flat:", flat.shape)
print(flat[0, :5])

batch_size = 4
for start in range(0, n, batch_size):
    batch = x[start:start + batch_size]
    print(f"batch at {start}: {tuple(batch.shape)} mean={batch.mean().item():.4f}")

chw = x[0]
print(chw.shape, chw.unsqueeze(0).shape, chw.flatten().shape)
hw = chw.mean(dim=0)
print(hw)
print(x.reshape(n, c, -1).shape)
print(x.transpose(1, 3).shape)
print(x.squeeze().shape, torch.zeros(1, 3, 1).squeeze().shape, torch.zeros(1, 3, 1).squeeze(0).shape)
seq = torch.arange(24).view(2, 3, 4)
print(seq.permute(2, 0, 1).shape)
print(seq.permute(2, 0, 1)[:, 0, :])
