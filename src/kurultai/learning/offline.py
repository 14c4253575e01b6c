"""Offline delivery: the size of a module before downloading it, the list of what the service worker stores,
and a ZIP of a module as plain HTML pages, its files and one PDF, to pass on by USB stick or messenger."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kurultai.core.text import markdown_to_text, render_markdown
from kurultai.learning.models import Block, Lesson, Module

PAGE_ESTIMATE = 12 * 1024  # an uncompressed lesson page, for the size shown before downloading
STATIC = Path(__file__).parent / "static" / "learning"


def _lessons(module: Module) -> list[Lesson]:
    return list(module.lessons.prefetch_related("blocks").order_by("position", "pk"))


def module_size(module: Module, lessons: list[Lesson] | None = None) -> int:
    """Bytes "download for offline" stores: each lesson page and every file of its blocks."""
    lessons = _lessons(module) if lessons is None else lessons
    return sum(PAGE_ESTIMATE + lesson_files_size(lesson) for lesson in lessons) + PAGE_ESTIMATE


def lesson_files_size(lesson: Lesson) -> int:
    return sum(b.size for b in lesson.blocks.all() if b.file)


def lesson_size(lesson: Lesson) -> int:
    return PAGE_ESTIMATE + lesson_files_size(lesson)


def manifest(module: Module) -> dict[str, Any]:
    """The URLs "download for offline" stores: per lesson (page and files), and what every page needs."""
    from django.templatetags.static import static

    lessons = _lessons(module)
    per_lesson = {
        str(lesson.pk): [lesson.get_absolute_url()] + [b.file.url for b in lesson.blocks.all() if b.file]
        for lesson in lessons
    }
    shared = [
        module.get_absolute_url(),
        module.course.get_absolute_url(),
        reverse("learning:offline"),
        static("kurultai/site.css"),
        static("learning/learning.js"),
    ]
    urls = [url for group in per_lesson.values() for url in group]
    return {
        "module": module.pk,
        "size": module_size(module, lessons),
        "urls": list(dict.fromkeys(urls)),
        "lessons": per_lesson,
        "shared": shared,
    }


def service_worker_source() -> str:
    return (STATIC / "sw.js").read_text(encoding="utf-8")


def _font_dir() -> Path | None:
    here = Path(__file__).resolve().parent.parent / "certificates" / "fonts"
    return here if (here / "DejaVuSans.ttf").exists() else None


def module_pdf(module: Module, lessons: list[Lesson]) -> bytes:
    """The module's text as one PDF (DejaVu Sans covers every Central Asian letter; Helvetica otherwise)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    fonts = _font_dir()
    family = "Helvetica"
    if fonts:
        pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
        family = "DejaVu"

    def safe(text: str) -> str:
        return text if fonts else text.encode("latin-1", "replace").decode("latin-1")

    pdf.add_page()
    pdf.set_font(family, "B", 18)
    pdf.multi_cell(0, 9, safe(f"{module.course.title}\n{module.title}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 9)
    pdf.multi_cell(0, 5, safe(str(module.course.licence)), new_x="LMARGIN", new_y="NEXT")
    for lesson in lessons:
        pdf.ln(4)
        pdf.set_font(family, "B", 14)
        pdf.multi_cell(0, 7, safe(str(lesson.title)), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, "", 11)
        for block in lesson.blocks.all():
            parts = []
            if block.kind in (Block.Kind.TEXT, Block.Kind.IMAGE, Block.Kind.ATTACHMENT):
                parts.append(markdown_to_text(str(block.text)))
            if block.kind == Block.Kind.IMAGE:
                parts.append(f"[{block.alt}]")
            if block.kind in (Block.Kind.AUDIO, Block.Kind.VIDEO):
                parts.append(str(block.transcript))
                if block.url:
                    parts.append(block.url)
            text = "\n".join(p for p in parts if p.strip())
            if text:
                pdf.multi_cell(0, 6, safe(text), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
    return bytes(pdf.output())


def module_zip(module: Module) -> bytes:
    """index.html, one page per lesson, the files, and module.pdf — readable without a connection or a server."""
    lessons = _lessons(module)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        files: dict[int, str] = {}
        for lesson in lessons:
            for block in lesson.blocks.all():
                if block.file:
                    name = f"files/{block.pk}{Path(block.file.name).suffix}"
                    try:
                        with block.file.open("rb") as handle:
                            archive.writestr(name, handle.read())
                        files[block.pk] = name
                    except OSError:
                        continue
        with translation.override(module.course.original_language):
            for lesson in lessons:
                blocks = [(b, render_markdown(str(b.text)), files.get(b.pk)) for b in lesson.blocks.all()]
                archive.writestr(
                    f"lesson-{lesson.position:02d}-{lesson.pk}.html",
                    render_to_string(
                        "learning/zip_lesson.html", {"module": module, "lesson": lesson, "blocks": blocks}
                    ),
                )
            archive.writestr(
                "index.html", render_to_string("learning/zip_index.html", {"module": module, "lessons": lessons})
            )
        archive.writestr("module.pdf", module_pdf(module, lessons))
    return buffer.getvalue()
