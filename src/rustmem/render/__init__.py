"""render/: what rustmem shows people, made from data the stages produce.

`render.diagnostics` turns `Diagnostic`s into rustc's human text and rustc's JSON, drawing
source snippets with `render.snippet` and suggested fixes with `render.suggestions`.
Nothing is imported here, so that loading one renderer never loads the others.
"""
