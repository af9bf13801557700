import numpy as np

rng = np.random.default_rng(123)


def random_flip(img, p=0.5):
    return img[:, ::-1] if rng.random() < p else img


def random_crop(img, size):
    h, w = img.shape[:2]
    th, tw = size
    i = rng.integers(0, h - th + 1)
    j = rng.integers(0, w - tw + 1)
    return img[i:i + th, j:j + tw]


def add_noise(img, sigma=0.05):
    return np.clip(img + rng.normal(0, sigma, img.shape), 0.0, 1.0)


def mixup(x1, y1, x2, y2, alpha=0.2):
    lam = rng.beta(alpha, alpha)
    return lam * x1 + (1 - lam) * x2, lam * y1 + (1 - lam) * y2


augmentations = [random_flip, lambda im: random_crop(im, (24, 24)), add_noise]
img = rng.random((32, 32, 3))
for aug in augmentations:
    img = aug(img)
print(img.shape, img.min() >= 0, img.max() <= 1)
xm, ym = mixup(np.ones(3), np.array([1, 0]), np.zeros(3), np.array([0, 1]))
print(xm, ym)
