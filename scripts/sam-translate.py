#!/usr/bin/env python3
"""Prints the CloudFormation JSON that the SAM transform makes of a SAM template, offline.

    python3 scripts/sam-translate.py template.yaml

Runs the same translator `sam validate` and CloudFormation's AWS::Serverless transform use (the
`samtranslator` library, from the PyPI package aws-sam-translator), with no AWS call: a fixed region
and account, local CodeUri paths replaced by a placeholder S3 location (as `sam validate` does), and
no managed-policy look-up (policy names SAM does not bundle stay unresolved). The permission test
(local/.../PermissionsTest.java) reads its output.

Exit status: 0 with the JSON on stdout; 2 if samtranslator is not installed; 1 if the template is
not a valid SAM template (the translator's reasons on stderr).
"""

import json
import os
import sys

REGION = "us-east-1"
ACCOUNT = "123456789012"
STACK = "news-api"

try:
    from boto3.session import Session
    from samtranslator.model.exceptions import InvalidDocumentException
    from samtranslator.parser.parser import Parser
    from samtranslator.translator.translator import Translator
    from samtranslator.yaml_helper import yaml_parse
except ImportError as e:
    print(f"sam-translate: cannot import the SAM translator ({e}). "
          "Install it with: python3 -m pip install aws-sam-translator", file=sys.stderr)
    sys.exit(2)


def placeholder_code_uri(properties):
    """A local CodeUri (what `sam build` packages) becomes an S3 location the translator accepts."""
    uri = properties.get("CodeUri")
    if isinstance(uri, str) and not uri.startswith("s3://"):
        properties["CodeUri"] = "s3://placeholder-bucket/" + uri.strip("/")


def translate(template):
    placeholder_code_uri(template.get("Globals", {}).get("Function", {}))
    for resource in template.get("Resources", {}).values():
        if isinstance(resource, dict) and resource.get("Type") == "AWS::Serverless::Function":
            placeholder_code_uri(resource.setdefault("Properties", {}))
    translator = Translator(managed_policy_map=None, sam_parser=Parser(), plugins=[],
                            boto_session=Session(region_name=REGION))
    return translator.translate(
        sam_template=template,
        parameter_values={
            "AWS::Region": REGION,
            "AWS::AccountId": ACCOUNT,
            "AWS::Partition": "aws",
            "AWS::StackName": STACK,
            "AWS::StackId": f"arn:aws:cloudformation:{REGION}:{ACCOUNT}:stack/{STACK}/00000000-0000-0000-0000-000000000000",
            "AWS::URLSuffix": "amazonaws.com",
        },
        # Only consulted for policy names SAM does not bundle; a fixed empty map keeps this offline.
        get_managed_policy_map=lambda: {},
    )


def main(argv):
    if len(argv) != 2:
        print("usage: sam-translate.py TEMPLATE", file=sys.stderr)
        return 64
    # Nothing here calls AWS; the region only names ARNs, and boto3 needs no credentials for that.
    os.environ.setdefault("AWS_DEFAULT_REGION", REGION)
    with open(argv[1], encoding="utf-8") as f:
        template = yaml_parse(f.read())
    try:
        translated = translate(template)
    except InvalidDocumentException as e:
        reasons = [getattr(cause, "message", str(cause)) for cause in e.causes] or [str(e)]
        print("sam-translate: not a valid SAM template: " + "; ".join(reasons), file=sys.stderr)
        return 1
    json.dump(translated, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
