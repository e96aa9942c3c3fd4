"""A real S3 API on loopback for the storage tests: moto's standalone server, once per test worker."""

import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
S3_CREDENTIALS = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret", "region_name": "us-east-1"}


@pytest.fixture(scope="session")
def s3_server():
    """The endpoint URL of moto's S3 server, started in a thread on a free loopback port."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def s3_client(endpoint):
    import boto3

    return boto3.client("s3", endpoint_url=endpoint, **S3_CREDENTIALS)


@pytest.fixture
def s3_bucket(s3_server, settings):
    """A fresh bucket, made the site's media storage through django-storages' settings; emptied afterwards."""
    client = s3_client(s3_server)
    bucket = f"cms-test-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=bucket)
    # The bucket policy docs/deploy.md gives: images readable by anyone, documents by nobody but the site.
    policy = (ROOT / "deploy" / "s3-bucket-policy.json").read_text().replace("BUCKET", bucket)
    client.put_bucket_policy(Bucket=bucket, Policy=policy)
    settings.AWS_STORAGE_BUCKET_NAME = bucket
    settings.AWS_S3_ENDPOINT_URL = s3_server
    settings.AWS_ACCESS_KEY_ID = S3_CREDENTIALS["aws_access_key_id"]
    settings.AWS_SECRET_ACCESS_KEY = S3_CREDENTIALS["aws_secret_access_key"]
    settings.AWS_S3_REGION_NAME = S3_CREDENTIALS["region_name"]
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}
    yield client, bucket
    for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
        client.delete_object(Bucket=bucket, Key=item["Key"])
    client.delete_bucket(Bucket=bucket)


def bucket_keys(client, bucket):
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", []))
