"""Drives an RP and its local cloud for the benchmark scripts (inflight-rss.sh, put-rate.sh): HTTPS PUTs on a connection
kept per thread and port, a registered subscription, virtual networks, and the provisioning states of a subscription's
clusters. Run as a script: `rp_driver.py subscription RP_PORT`, `rp_driver.py networks CLOUD_PORT SUBSCRIPTION
RESOURCE_GROUP COUNT` (vnet-1 ... vnet-COUNT), `rp_driver.py states RP_PORT SUBSCRIPTION`."""
import collections, http.client, json, ssl, sys, threading, urllib.request, uuid
from concurrent.futures import ThreadPoolExecutor

TLS = ssl._create_unverified_context()
_local = threading.local()


def put(port, path, body):
    conns = _local.__dict__.setdefault("conns", {})
    conn = conns.get(port) or conns.setdefault(port, http.client.HTTPSConnection("localhost", port, context=TLS))
    conn.request("PUT", path, json.dumps(body), {"Content-Type": "application/json"})
    response = conn.getresponse()
    text = response.read()
    if response.status >= 300:
        raise RuntimeError(f"PUT {path}: {response.status} {text[:300]!r}")


def register_subscription(port):
    sub = str(uuid.uuid4())
    put(port, f"/subscriptions/{sub}?api-version=2.0", {"state": "Registered", "properties": {"tenantId": sub}})
    return sub


def put_network(cloud, resource_group_id, name):
    """A virtual network with the subnets a cluster's masters and workers use; returns its subnets' id prefix."""
    network = f"{resource_group_id}/providers/Microsoft.Network/virtualNetworks/{name}"
    put(cloud, f"{network}?api-version=2023-09-01", {"location": "eastus", "properties": {
        "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
        "subnets": [{"name": "master", "properties": {"addressPrefix": "10.0.0.0/23"}},
                    {"name": "worker", "properties": {"addressPrefix": "10.0.2.0/23"}}]}})
    return f"{network}/subnets"


def put_resource_group(cloud, resource_group_id):
    put(cloud, f"{resource_group_id}?api-version=2021-04-01", {"location": "eastus"})


def states(port, sub):
    """How many of the subscription's clusters are in each provisioning state, following nextLink."""
    url = f"https://localhost:{port}/subscriptions/{sub}/providers/Microsoft.RedHatOpenShift/openShiftClusters?api-version=2020-04-30"
    counts = collections.Counter()
    while url:
        page = json.load(urllib.request.urlopen(url, context=TLS))
        counts.update(c["properties"]["provisioningState"] for c in page["value"])
        url = page.get("nextLink")
    return " ".join(f"{k}={v}" for k, v in sorted(counts.items()))


def main(command, *args):
    if command == "subscription":
        print(register_subscription(int(args[0])))
    elif command == "networks":
        cloud, sub, group, count = int(args[0]), args[1], args[2], int(args[3])
        resource_group_id = f"/subscriptions/{sub}/resourceGroups/{group}"
        put_resource_group(cloud, resource_group_id)
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda i: put_network(cloud, resource_group_id, f"vnet-{i}"), range(1, count + 1)))
    elif command == "states":
        print(states(int(args[0]), args[1]))
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
