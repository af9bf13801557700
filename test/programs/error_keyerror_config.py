config = {"lr": 0.01, "epochs": 10, "batch_size": 32}


def get_optimizer(cfg):
    return {"name": "sgd", "lr": cfg["lr"], "momentum": cfg["momentum"]}


print("training for", config["epochs"], "epochs")
opt = get_optimizer(config)
