"""Turns a Word file into HTML in a process of its own: `python -m importer.docx_child`.

Run by importer.docx_reading, never imported by the site. It limits its own address
space before it reads a byte, so a document that unpacks to more than it said can only
end this process (a MemoryError or a kill), never the web worker that waits for it.
It imports no Django: it starts fast and can touch no database.

stdin: the .docx bytes. argv: a folder to write the pictures into, the memory budget in
MB, the CPU budget in seconds. stdout: one JSON object, {"html": …, "images": [{"file",
"content_type", "alt"}], "messages": […]} or {"error": "damaged" | "memory"}.
"""

import io
import json
import os
import resource
import sys

# Word's own style names (English inside the file whatever the language of Word) for
# quotes and code, which mammoth's default map leaves as plain paragraphs.
# An article's sections are h2 and its subsections h3 (the title is the page's h1):
# Word's "heading 1" is a section, "heading 2" and below subsections.
STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => p:fresh
p[style-name='heading 1'] => h2:fresh
p[style-name='heading 2'] => h3:fresh
p[style-name='heading 3'] => h4:fresh
p[style-name='heading 4'] => h4:fresh
p[style-name='heading 5'] => h4:fresh
p[style-name='heading 6'] => h4:fresh
p.Heading1 => h2:fresh
p.Heading2 => h3:fresh
p.Heading3 => h4:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
p[style-name='Block Text'] => blockquote > p:fresh
p[style-name='HTML Preformatted'] => pre:separator('\\n')
p[style-name='Code'] => pre:separator('\\n')
p[style-name='Source Code'] => pre:separator('\\n')
r[style-name='HTML Code'] => code
r[style-name='Verbatim Char'] => code
"""


def _limit(memory_mb, cpu_seconds):
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    # No core file of a killed child on the server's disk.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def convert(data, folder):
    import mammoth

    images = []

    def picture(image):
        index = len(images)
        name = f"{index}.bin"
        try:
            with image.open() as source:
                content = source.read()
        except (OSError, ValueError, KeyError):
            # A linked picture (outside the file) or a missing part: left out, named.
            images.append(None)
            return {"src": f"serambi-image:{index}", "alt": image.alt_text or ""}
        with open(os.path.join(folder, name), "wb") as target:
            target.write(content)
        images.append(
            {
                "file": name,
                "content_type": image.content_type or "",
                "alt": image.alt_text or "",
            }
        )
        return {"src": f"serambi-image:{index}", "alt": image.alt_text or ""}

    result = mammoth.convert_to_html(
        io.BytesIO(data),
        style_map=STYLE_MAP,
        convert_image=mammoth.images.img_element(picture),
    )
    return {
        "html": result.value,
        "images": images,
        "messages": [message.message for message in result.messages],
    }


def main():
    folder, memory_mb, cpu_seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    _limit(memory_mb, cpu_seconds)
    data = sys.stdin.buffer.read()
    try:
        answer = convert(data, folder)
    except MemoryError:
        answer = {"error": "memory"}
    except RecursionError:
        answer = {"error": "memory"}
    except Exception as exc:  # noqa: BLE001  (any fault of mammoth's: a damaged file)
        answer = {"error": "damaged", "reason": repr(exc)[:300]}
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
