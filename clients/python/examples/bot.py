"""A trading bot on the hive mind in 30 lines: ask before each entry, report each exit, keep what
the cloud cannot take on disk, and stop entering when ops halt it. HIVEMIND_API_KEY is its key."""
import os, random, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from hivemind_client import HivemindClient, HivemindError, now

client = HivemindClient(buffer_dir=os.environ.get("BOT_BUFFER_DIR", ".hivemind-bot-buffer"))
status = {"trading_state": "ACTIVE"}
stream = client.control_stream(status.update)
wanted, pause, done = int(os.environ.get("BOT_TRADES", "0")), float(os.environ.get("BOT_PAUSE", "1")), 0
while not wanted or done < wanted:
    time.sleep(pause)
    if status["trading_state"] != "ACTIVE":
        print(f"{status['trading_state']}: no new entries", flush=True); continue
    side, features = random.choice(["LONG", "SHORT"]), {"rsi": random.uniform(20, 80), "vwap_z": random.uniform(-3, 3)}
    try:
        answer = client.win_probability("ES", side, features, threshold=float(os.environ.get("BOT_THRESHOLD", "0.5")))
    except HivemindError as error:
        print(f"no answer, not trading: {error}", flush=True); continue
    if not answer["take_trade"]:
        continue
    entry, win = now(), random.random() < answer["win_probability"]
    sent = client.send_signal("ES", side, 4500.0, features, timestamp=entry)
    kept = client.send_outcome(sent["signal_id"], "ES", side, 4500.0, 4505.0, pnl=250.0 if win else -250.0, entry_time=entry, exit_reason="TARGET" if win else "STOP")
    done += 1
    print(f"trade {done} {side} p={answer['win_probability']:.3f} {'won' if win else 'lost'} {kept['status']}", flush=True)
while client.flush(quiet=True) or len(client.buffer):  # hand over what waits before stopping
    time.sleep(1)
stream.close()
print(f"done: {done} trades, nothing left in the buffer", flush=True)
