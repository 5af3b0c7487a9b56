"""Resumes the champion's whole trainer (RETRAIN_BASELINE_DIR/checkpoint.pt) and trains
RETRAIN_PARAM_EPOCHS more epochs; with no champion, starts one. Writes checkpoint.pt and state.json
(the counters, readable without Python) to RETRAIN_MODEL_DIR."""
import json
import os

import torch

from trainer import CHECKPOINT, Trainer, read_csv
import sys

# The contract's helper, shipped with the tool (RETRAIN_HELPERS_DIR); or copy it beside your script.
sys.path.insert(0, os.path.join(os.environ.get("RETRAIN_HELPERS_DIR", ""), "python"))
from retrain_contract import confirm_warm_start  # noqa: E402

torch.use_deterministic_algorithms(True)
torch.set_num_threads(1)

epochs = int(os.environ.get("RETRAIN_PARAM_EPOCHS") or 20)
paths = [p for p in os.environ["RETRAIN_DATA_TRAIN"].split("\n") if p]
ids, x, y, features = read_csv(paths[0])
baseline = os.environ.get("RETRAIN_BASELINE_DIR", "")

if baseline:
    trainer = Trainer.restore(os.path.join(baseline, CHECKPOINT))
    if trainer.features != features:
        raise SystemExit(f"the champion reads the features {trainer.features}, the data has {features}")
    confirm_warm_start()  # resumed exactly the champion's trainer
    print(f"resumed version {os.environ.get('RETRAIN_BASELINE_VERSION')}: epoch {trainer.epoch}, Adam step {trainer.adam_step()}, "
          f"learning rate {trainer.scheduler.get_last_lr()[0]:.6g}")
else:
    trainer = Trainer.start(features, x, seed=int(os.environ.get("RETRAIN_PARAM_SEED") or 0))
    print("new trainer: epoch 0")

run = {"start": "resumed" if baseline else "new", "parent_version": os.environ.get("RETRAIN_BASELINE_VERSION") or None,
       "epoch_before": trainer.epoch, "adam_step_before": trainer.adam_step(), "lr_before": trainer.scheduler.get_last_lr()[0],
       "loss_before": trainer.loss(x, y)}
trainer.train(x, y, epochs)
run.update({"epochs": epochs, "epoch_after": trainer.epoch, "adam_step_after": trainer.adam_step(),
            "lr_after": trainer.scheduler.get_last_lr()[0], "loss_after": trainer.loss(x, y)})
trainer.history.append(run)
print(f"trained {epochs} epochs: epoch {trainer.epoch}, Adam step {trainer.adam_step()}, learning rate {run['lr_after']:.6g}, "
      f"loss {run['loss_before']:.4f} -> {run['loss_after']:.4f}")

out = os.environ["RETRAIN_MODEL_DIR"]
trainer.save(os.path.join(out, CHECKPOINT))
with open(os.path.join(out, "state.json"), "w") as f:
    json.dump({"torch": torch.__version__, "epoch": trainer.epoch, "adam_step": trainer.adam_step(),
               "lr": trainer.scheduler.get_last_lr()[0], "history": trainer.history}, f, indent=1)
