#!/usr/bin/env python3
"""Writes the polling-benchmark corpus: N feeds (half RSS 2.0, half Atom 1.0), M items each.

Items are realistic social-listening material: Dutch and English posts about a (made-up)
brand, with authors, dates, categories and HTML-escaped descriptions/content. Output is
deterministic for a given --seed, so every run benchmarks the same bytes.

usage: gen_corpus.py OUTDIR [--feeds 200] [--items 50] [--seed 42]
Writes OUTDIR/rss-NNN.xml, OUTDIR/atom-NNN.xml and prints the total size.
"""
import argparse
import datetime as dt
import os
import random
from xml.sax.saxutils import escape

BRAND = "Vondelfiets"
PRODUCTS = ["Vondelfiets Stad 7", "Vondelfiets E-Cargo", "Vondelfiets Mini", "Vondelfiets Tour Pro",
            "Vondelfiets Connect", "Vondelfiets Lease"]

EN_SENTENCES = [
    "I have been riding the {p} to work every day for three months now, and honestly it is the best purchase I made this year.",
    "Customer service at {b} took nine days to answer a simple question about my warranty, which is not acceptable.",
    "The new colours of the {p} look great, but the price went up by almost 15% compared to last spring.",
    "Our review team tested the {p} on cobblestones, gravel and a wet bridge in February; the brakes held up remarkably well.",
    "Has anyone else had a problem with the battery indicator on the {p}? Mine jumps from 80% to 20% in a minute.",
    "{b} announced a partnership with a Rotterdam bike-sharing start-up, expected to put 2,000 bikes on the street by autumn.",
    "Shout-out to the mechanic at the {b} store in Utrecht who fixed my chain in ten minutes while I waited.",
    "The delivery was two weeks late and nobody from {b} told us anything until we called them ourselves.",
    "In our comparison of twelve city bikes under 1,500 euros, the {p} came second, just behind a German competitor.",
    "I love the design but the saddle of the {p} is a disaster for anything longer than half an hour.",
    "Analysts say {b} could double its revenue in Belgium and Germany if the e-bike subsidy is extended into next year.",
    "Just picked up my {p} & the first ride along the canal was <em>amazing</em> — smooth, quiet and fast.",
    "The app keeps logging me out, and the lock on the {p} only opens via the app, so I was stuck outside the station for 20 minutes.",
    "{b} says the recall affects about 3,400 frames produced between March and June; owners will get an e-mail this week.",
    "Compared to my old bike the {p} is heavier, but the gears are so much better that I hardly notice it on the dikes.",
    "Thread: what is your experience with the lease contract from {b}? Is the \"all-in\" price really all in?",
]
NL_SENTENCES = [
    "Sinds drie maanden fiets ik elke dag op de {p} naar mijn werk en ik ben er nog steeds heel blij mee.",
    "De klantenservice van {b} reageerde pas na negen dagen op mijn vraag over de garantie, dat kan echt beter.",
    "De nieuwe kleuren van de {p} zijn prachtig, maar de prijs is wel bijna 15% hoger dan vorig voorjaar.",
    "Wij testten de {p} op kinderkopjes, grind en een natte brug in februari; de remmen bleven verrassend goed werken.",
    "Heeft iemand anders ook last van de accu-indicator van de {p}? Bij mij springt hij van 80% naar 20% binnen een minuut.",
    "{b} kondigde een samenwerking aan met een Rotterdamse deelfiets-start-up, die dit najaar 2.000 fietsen op straat wil zetten.",
    "Complimenten voor de monteur van de {b}-winkel in Utrecht die mijn ketting in tien minuten repareerde terwijl ik wachtte.",
    "De levering was twee weken te laat en niemand van {b} liet iets van zich horen tot we zelf belden.",
    "In onze vergelijking van twaalf stadsfietsen onder de 1.500 euro eindigde de {p} als tweede, net achter een Duitse concurrent.",
    "Het ontwerp is mooi, maar het zadel van de {p} is een ramp voor ritten langer dan een half uur.",
    "Volgens analisten kan {b} de omzet in België en Duitsland verdubbelen als de e-bikesubsidie volgend jaar wordt verlengd.",
    "Net mijn {p} opgehaald &amp; de eerste rit langs de gracht was <em>geweldig</em> — soepel, stil en snel.",
    "De app logt me steeds uit, en het slot van de {p} gaat alleen open via de app, dus ik stond 20 minuten vast bij het station.",
    "{b} meldt dat de terugroepactie ongeveer 3.400 frames betreft die tussen maart en juni zijn gemaakt; eigenaren krijgen deze week een e-mail.",
    "Vergeleken met mijn oude fiets is de {p} zwaarder, maar de versnellingen zijn zoveel beter dat ik het op de dijk nauwelijks merk.",
    "Draadje: wat zijn jullie ervaringen met het leasecontract van {b}? Is de \"all-in\"-prijs echt all-in?",
]
EN_TITLES = ["Review: {p} after three months", "{b} customer service under fire", "Price of the {p} goes up again",
             "Battery problems with the {p}?", "{b} expands to Belgium and Germany", "Recall announced for {p} frames",
             "Why I switched to {b}", "The {p} vs. the competition", "Lease or buy? Our {b} experience",
             "Great repair service at {b} Utrecht", "{b} app update breaks the lock", "First ride on the {p}"]
NL_TITLES = ["Review: de {p} na drie maanden", "Kritiek op klantenservice {b}", "Prijs {p} gaat weer omhoog",
             "Accuproblemen met de {p}?", "{b} breidt uit naar België en Duitsland", "Terugroepactie voor frames {p}",
             "Waarom ik overstapte op {b}", "De {p} tegenover de concurrentie", "Leasen of kopen? Onze ervaring met {b}",
             "Goede reparatieservice bij {b} Utrecht", "Update van {b}-app breekt het slot", "Eerste rit op de {p}"]
FIRST = ["Sanne", "Daan", "Emma", "Lucas", "Julia", "Sem", "Fleur", "Thijs", "Anouk", "Bram", "Olivia", "James",
         "Sophie", "Noah", "Charlotte", "Pieter", "Marieke", "Joost", "Hannah", "Oliver"]
LAST = ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Smith",
        "Brown", "Peeters", "Hendriks", "van Dijk", "Dekker", "Taylor", "Willems", "Claes"]
CATEGORIES = ["e-bikes", "review", "klantenservice", "customer service", "prijzen", "pricing", "mobiliteit",
              "recall", "duurzaamheid", "sustainability", "Amsterdam", "Utrecht", "Rotterdam", "lease", "app"]
SITES = ["fietsforum.example", "stadsnieuws.example", "bikeweekly.example", "mobiliteitsblog.example",
         "consumentenstem.example", "techreview.example", "wielerpraat.example", "urbanrides.example"]

RFC822_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
RFC822_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def rfc822(t):
    return "%s, %02d %s %04d %02d:%02d:%02d +0000" % (
        RFC822_DAYS[t.weekday()], t.day, RFC822_MONTHS[t.month - 1], t.year, t.hour, t.minute, t.second)


def rfc3339(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def make_item(rng, feed_no, item_no, start):
    dutch = rng.random() < 0.5
    sentences, titles = (NL_SENTENCES, NL_TITLES) if dutch else (EN_SENTENCES, EN_TITLES)
    product = rng.choice(PRODUCTS)
    fill = lambda s: s.format(b=BRAND, p=product)
    # One to three paragraphs of one to three sentences: ~150-1000 characters (~450 on average) of HTML.
    paragraphs = []
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        body = " ".join(fill(s) for s in rng.sample(sentences, rng.choice((1, 2))))
        paragraphs.append("<p>" + body + "</p>")
    if rng.random() < 0.3:
        paragraphs.insert(1, '<p><a href="https://www.vondelfiets.example/nl/%s?utm_source=feed&amp;utm_medium=rss">%s</a></p>'
                          % (product.lower().replace(" ", "-"), "Lees meer" if dutch else "Read more"))
    if rng.random() < 0.2:
        paragraphs.append('<p><img src="https://cdn.%s/img/%d-%d.jpg" alt="%s" width="640" height="360"/></p>'
                          % (rng.choice(SITES), feed_no, item_no, escape(product, {'"': "&quot;"})))
    html = "\n".join(paragraphs)
    when = start - dt.timedelta(minutes=item_no * rng.randint(20, 400) + rng.randint(0, 59))
    author = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
    return {
        "title": fill(rng.choice(titles)) + ("" if rng.random() < 0.7 else " (%d)" % rng.randint(2, 99)),
        "html": html,
        "summary": fill(rng.choice(sentences)) if rng.random() < 0.3 else "",
        "when": when,
        "author": author,
        "email": author.lower().replace(" ", ".") + "@" + rng.choice(SITES),
        "cats": rng.sample(CATEGORIES, rng.choice((1, 2, 3))),
        "slug": "%d/%02d/%s-%d-%d" % (when.year, when.month, product.lower().replace(" ", "-").replace("'", ""),
                                       feed_no, item_no),
    }


def rss_feed(rng, feed_no, items, start):
    site = SITES[feed_no % len(SITES)]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
           '<channel>',
           '<title>%s — %s #%d</title>' % (escape(site), BRAND, feed_no),
           '<link>https://%s/</link>' % site,
           '<atom:link href="https://%s/feeds/%d.rss" rel="self" type="application/rss+xml"/>' % (site, feed_no),
           '<description>Berichten en reacties over %s, verzameld door %s</description>' % (BRAND, site),
           '<language>%s</language>' % ("nl-NL" if feed_no % 3 else "en-GB"),
           '<lastBuildDate>%s</lastBuildDate>' % rfc822(start),
           '<generator>earshot-bench-corpus</generator>']
    for n in range(items):
        it = make_item(rng, feed_no, n, start)
        link = "https://%s/%s" % (site, it["slug"])
        out.append('<item>')
        out.append('<title>%s</title>' % escape(it["title"]))
        out.append('<link>%s</link>' % link)
        out.append('<guid isPermaLink="true">%s</guid>' % link)
        out.append('<pubDate>%s</pubDate>' % rfc822(it["when"]))
        out.append('<dc:creator>%s</dc:creator>' % escape(it["author"]))
        for c in it["cats"]:
            out.append('<category>%s</category>' % escape(c))
        out.append('<description>%s</description>' % escape(it["html"]))
        out.append('</item>')
    out.append('</channel>\n</rss>\n')
    return "\n".join(out)


def atom_feed(rng, feed_no, items, start):
    site = SITES[feed_no % len(SITES)]
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="%s">' % ("nl" if feed_no % 3 else "en"),
           '<title type="text">%s — %s #%d</title>' % (escape(site), BRAND, feed_no),
           '<subtitle>Posts and replies mentioning %s</subtitle>' % BRAND,
           '<id>tag:%s,2024:feed-%d</id>' % (site, feed_no),
           '<link rel="alternate" type="text/html" href="https://%s/"/>' % site,
           '<link rel="self" type="application/atom+xml" href="https://%s/feeds/%d.atom"/>' % (site, feed_no),
           '<updated>%s</updated>' % rfc3339(start),
           '<generator uri="https://%s/" version="1.0">earshot-bench-corpus</generator>' % site]
    for n in range(items):
        it = make_item(rng, feed_no, n, start)
        link = "https://%s/%s" % (site, it["slug"])
        out.append('<entry>')
        out.append('<title type="text">%s</title>' % escape(it["title"]))
        out.append('<link rel="alternate" type="text/html" href="%s"/>' % link)
        out.append('<id>tag:%s,2024:%s</id>' % (site, it["slug"]))
        out.append('<published>%s</published>' % rfc3339(it["when"]))
        out.append('<updated>%s</updated>' % rfc3339(it["when"] + dt.timedelta(minutes=rng.randint(0, 90))))
        out.append('<author><name>%s</name><email>%s</email></author>' % (escape(it["author"]), it["email"]))
        for c in it["cats"]:
            out.append('<category term="%s"/>' % escape(c, {'"': "&quot;"}))
        if it["summary"]:
            out.append('<summary type="text">%s</summary>' % escape(it["summary"]))
        out.append('<content type="html">%s</content>' % escape(it["html"]))
        out.append('</entry>')
    out.append('</feed>\n')
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    rng = random.Random(args.seed)
    start = dt.datetime(2024, 11, 20, 9, 30, 0)
    total = 0
    names = []
    for i in range(args.feeds):
        atom = i % 2 == 1
        name = "%s-%03d.xml" % ("atom" if atom else "rss", i)
        text = (atom_feed if atom else rss_feed)(rng, i, args.items, start - dt.timedelta(hours=i))
        data = text.encode("utf-8")
        path = os.path.join(args.outdir, name)
        # Keep the file (and so nginx's ETag/Last-Modified) when the bytes are the same.
        try:
            with open(path, "rb") as f:
                same = f.read() == data
        except OSError:
            same = False
        if not same:
            with open(path, "wb") as f:
                f.write(data)
        total += len(data)
        names.append(name)
    with open(os.path.join(args.outdir, "feeds.txt"), "w") as f:
        f.write("\n".join(names) + "\n")
    print("%d feeds, %d items each, %d bytes (%.2f MB, %.1f KB/feed)"
          % (args.feeds, args.items, total, total / 1e6, total / args.feeds / 1e3))


if __name__ == "__main__":
    main()
