"""``{% cachedfragment "name" obj … [among=list] [vary=value …] [apps="app …"] %}…{% endcachedfragment %}``.

Renders the enclosed template once per content version and language and serves it from the cache
afterwards (see :mod:`kurultai.core.fragments`). Wrap only what is the same for everyone: no follow
buttons, no "edit" links, nothing that depends on ``user`` or ``perms``.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

from kurultai.core import fragments
from kurultai.core.pagecache import CACHE_DOWN

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, objects, among, vary, apps=None):
        self.nodelist = nodelist
        self.apps = apps
        self.name = name
        self.objects = objects
        self.among = among
        self.vary = vary

    def render(self, context):
        try:
            return self._render(context)
        except CACHE_DOWN:  # the shared cache (Redis) does not answer: render as if there were no cache
            return self.nodelist.render(context)

    def _render(self, context):
        name = self.name.resolve(context)
        objects = [obj.resolve(context) for obj in self.objects]
        vary = [value.resolve(context) for value in self.vary]
        among = list(self.among.resolve(context) or ()) if self.among is not None else []
        request = context.get("request")
        apps = tuple(str(self.apps.resolve(context)).split()) if self.apps is not None else ()
        known = fragments.versions(request, objects, among, apps)
        cache_key = fragments.key(name, objects, vary, known, apps)
        batches = getattr(request, "_kurultai_fragments", None) if request is not None else None
        if batches is None:
            batches = {}
            if request is not None:
                request._kurultai_fragments = batches
        if among:
            batch = batches.get(name)
            if batch is None:
                # First card of a list: fetch every stored card of the list at once.
                keys = [fragments.key(name, [item], vary, known, apps) for item in among]
                batch = batches[name] = fragments.get_many(keys)
            found = batch.get(cache_key)
        else:
            found = fragments.get_many([cache_key]).get(cache_key)
        if found is not None:
            return mark_safe(found)
        html = self.nodelist.render(context)
        fragments.store(cache_key, html)
        return html


@register.tag
def cachedfragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('{% cachedfragment %} needs a name: {% cachedfragment "name" obj %}')
    name = parser.compile_filter(bits[1])
    objects, vary, among, apps = [], [], None, None
    for bit in bits[2:]:
        if bit.startswith("apps="):
            apps = parser.compile_filter(bit[len("apps=") :])
        elif bit.startswith("among="):
            among = parser.compile_filter(bit[len("among=") :])
        elif bit.startswith("vary="):
            vary.append(parser.compile_filter(bit[len("vary=") :]))
        else:
            objects.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, name, objects, among, vary, apps)
