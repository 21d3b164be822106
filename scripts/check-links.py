#!/usr/bin/env python3
"""Checks the links of the repository's Markdown files, so that the documentation stands on its own.

  python3 scripts/check-links.py     print each problem as file:line: message; exit 1 if there is any

Checked: every *.md file git knows (tracked, or new and not ignored).
- A relative link, [text](path) or [text](path#anchor), also images, reference definitions and HTML
  href/src, must name a file or directory inside the repository that git knows (not a build output), and
  an anchor into a Markdown file must match one of its headings (GitHub's rules for heading ids).
- Links to other sites (http, https, mailto) are allowed and not fetched; a link starting with / is
  refused (write it relative to the file).
- No text may name paths outside the repository: ../shared, /work/, /root/, /home/ anywhere, and
  /usr/lib/jvm outside fenced code blocks.
Links inside fenced code blocks and inline code are not links and are not checked.
"""
import os
import re
import subprocess
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FORBIDDEN_ANYWHERE = [
    (re.compile(r"\.\./shared\b"), "names ../shared, which is outside the repository"),
    (re.compile(r"(?<!\.\./)\bshared/(?:seeds|DESIGN\.md|CONVENTIONS\.md|STACK\.md)"),
     "names a document outside the repository"),
    (re.compile(r"/work/"), "names a machine-specific path (/work/)"),
    (re.compile(r"/root/"), "names a machine-specific path (/root/)"),
    (re.compile(r"/home/"), "names a machine-specific path (/home/)"),
]
FORBIDDEN_OUTSIDE_CODE = [
    (re.compile(r"/usr/lib/jvm"), "names a machine-specific JDK path (/usr/lib/jvm)"),
]

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
# [text](target "title"): text may hold one level of brackets and a single line break; the target may
# be <...> or hold balanced parentheses.
INLINE_LINK = re.compile(
    r"!?\[(?:[^\[\]\n]|\n(?!\s*\n)|\[[^\[\]\n]*\])*\]"
    r"\(\s*(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)", re.M)
HTML_LINK = re.compile(r"<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*\"([^\"]*)\"", re.I)
HTML_ID = re.compile(r"<[a-z]+\b[^>]*?\b(?:id|name)\s*=\s*\"([^\"]+)\"", re.I)
ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def git_files(*patterns):
    out = subprocess.run(["git", "-C", ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *patterns],
                         check=True, capture_output=True).stdout.decode("utf-8")
    return sorted({p for p in out.split("\0") if p and os.path.exists(os.path.join(ROOT, p))})


def masked(text):
    """The text with fenced code blocks and inline code replaced by spaces (offsets and lines kept), and the
    set of line numbers (1-based) inside fenced blocks."""
    lines = text.split("\n")
    out, in_fence, fence, fenced = [], False, "", set()
    for number, line in enumerate(lines, 1):
        m = FENCE.match(line)
        if in_fence:
            fenced.add(number)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip()[len(m.group(1)):].strip():
                in_fence = False
            out.append(" " * len(line))
        elif m:
            in_fence, fence = True, m.group(1)
            fenced.add(number)
            out.append(" " * len(line))
        else:
            out.append(CODE_SPAN.sub(lambda c: " " * len(c.group(0)), line))
    return "\n".join(out), fenced


def slug(heading):
    """GitHub's id for a heading: markup dropped, lower case, punctuation removed, spaces to hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links: their text
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML
    text = text.replace("`", "").lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


_anchors = {}


def anchors(path):
    """Ids a link may name in the Markdown file at path: its headings (with -1, -2 ... for repeats) and HTML ids."""
    if path not in _anchors:
        text = open(path, encoding="utf-8").read()
        plain, _ = masked(text)
        # headings are read from the unmasked line (code in a heading counts), outside fenced blocks only
        original = text.split("\n")
        ids, seen = set(), {}
        for number, line in enumerate(plain.split("\n")):
            if not line.strip():
                continue
            m = ATX_HEADING.match(original[number])
            if m:
                base = slug(m.group(1))
                n = seen.get(base, 0)
                seen[base] = n + 1
                ids.add(base if n == 0 else "%s-%d" % (base, n))
        ids.update(HTML_ID.findall(plain))
        _anchors[path] = ids
    return _anchors[path]


def check_target(source, target, known_files, known_dirs):
    """A problem with one link target of the file source (repository-relative), or None."""
    target = target.strip()
    if target.startswith("<") and target.endswith(">"):
        target = target[1:-1].strip()
    if not target:
        return "empty link"
    if SCHEME.match(target):
        scheme = target.split(":", 1)[0].lower()
        return None if scheme in ("http", "https", "mailto") else "link with the %s: scheme; use a relative link or http(s)" % scheme
    if target.startswith("//"):
        return "protocol-relative link %s; write https://" % target
    path_part, _, anchor = target.partition("#")
    path_part = urllib.parse.unquote(path_part.split("?", 1)[0])
    if path_part.startswith("/"):
        return "absolute path %s; write it relative to this file" % path_part
    source_dir = os.path.dirname(os.path.join(ROOT, source))
    resolved = os.path.normpath(os.path.join(source_dir, path_part)) if path_part else os.path.join(ROOT, source)
    relative = os.path.relpath(resolved, ROOT)
    if relative == ".." or relative.startswith(".." + os.sep):
        return "%s leaves the repository" % path_part
    relative = "" if relative == "." else relative.replace(os.sep, "/")
    if not os.path.exists(resolved):
        return "%s does not exist" % path_part
    if os.path.isdir(resolved):
        if relative and relative not in known_dirs:
            return "%s holds no file of the repository (git-ignored or empty)" % path_part
        return "anchor #%s on a directory" % anchor if anchor else None
    if relative not in known_files:
        return "%s is not part of the repository (git-ignored?)" % path_part
    if anchor and relative.endswith(".md") and urllib.parse.unquote(anchor) not in anchors(resolved):
        return "%s has no heading for #%s" % (path_part or os.path.basename(source), anchor)
    return None


def check(source, known_files, known_dirs):
    problems = []
    text = open(os.path.join(ROOT, source), encoding="utf-8").read()
    plain, fenced = masked(text)

    def line_of(offset):
        return plain.count("\n", 0, offset) + 1

    for number, line in enumerate(text.split("\n"), 1):
        rules = FORBIDDEN_ANYWHERE + ([] if number in fenced else FORBIDDEN_OUTSIDE_CODE)
        for pattern, message in rules:
            if pattern.search(line):
                problems.append((number, message))
    for regex in (INLINE_LINK, REFERENCE_DEFINITION, HTML_LINK):
        for m in regex.finditer(plain):
            problem = check_target(source, m.group(1), known_files, known_dirs)
            if problem:
                problems.append((line_of(m.start(1)), problem))
    return sorted(set(problems))


def main():
    known_files = set(git_files())
    known_dirs = set()
    for path in known_files:
        parent = os.path.dirname(path)
        while parent and parent not in known_dirs:
            known_dirs.add(parent)
            parent = os.path.dirname(parent)
    sources = git_files("*.md")
    count = 0
    for source in sources:
        for number, message in check(source, known_files, known_dirs):
            print("%s:%d: %s" % (source, number, message))
            count += 1
    if count:
        print("%d problem(s) in the Markdown files" % count, file=sys.stderr)
        sys.exit(1)
    print("links of %d Markdown files resolve inside the repository" % len(sources))


if __name__ == "__main__":
    main()
