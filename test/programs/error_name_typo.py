learning_rate = 0.01
weights = [0.5, -0.2]
weights = [w - learning_rte * 0.1 for w in weights]
