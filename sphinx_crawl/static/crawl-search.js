/* sphinx-crawl entry search, on the search page: the handbook's entries for what a
 * parent typed, answers first, in the handbook's own words and the parent's; before any
 * result, what to do in an emergency, with an illness, or with a worry the handbook
 * does not cover.
 *
 * One factory, as crawl-ages.js: in the browser it runs on the search page (render/
 * search.py loads it there only); in Node (tests/js) it returns the pure functions
 * (words, stems, typos, ranking, triage) to test without a browser:
 *
 *   const search = require("crawl-search.js")({ language: "en" });   // Node
 *
 * Text from the handbook or the query is inserted with textContent, never as HTML.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
    return;
  }
  const search = factory({
    language: root.document.documentElement.lang || "en",
    // Sphinx's Snowball stemmer for the page's language (language_data.js), when loaded.
    stemmer: () => root.Stemmer,
  });
  const start = () => search.setupEntrySearch();
  if (root.document.readyState === "loading") root.document.addEventListener("DOMContentLoaded", start);
  else start();
})(typeof self !== "undefined" ? self : this, function crawlSearch(given) {
  "use strict";
  const options = { language: "en", stemmer: () => null, ...given };
  // Lookups in data from the page never reach Object.prototype ("constructor", "__proto__").
  const own = (object, key) => (object && Object.hasOwn(object, key) ? object[key] : undefined);
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  // The extension's own words are English on a page of a language it has no words for
  // (the search page says so: render/search_page.py): each element holding only them
  // says it is English, so a screen reader does not speak them with the page's voice.
  // The author's words (topics not covered, the numbers' places) keep the page's.
  const ownLang = () => {
    const meta = typeof document === "undefined" ? null : document.querySelector('meta[name="crawl-words-lang"]');
    return meta ? meta.content : "";
  };
  const ours = (node) => {
    const lang = ownLang();
    if (lang) node.lang = lang;
    return node;
  };

  /* ---- Entry search on the search page --------------------------------- */
  // The index (see sphinx_crawl/render/search.py) maps each field's words to entries;
  // stems are worked out here, from its vocabulary, so the query and the index agree.
  const EMOJI = { "🤒": "fever", "🌡": "fever", "🥵": "hot", "🤮": "vomit", "🤢": "sick", "🚑": "ambulance",
    "🆘": "help", "🩸": "blood",
    "🤕": "hurt" };
  // A query reads the same phrases of the notices and intents many times over (each
  // index a query loads builds its word sets from them): each text is split once.
  const splitOnce = new Map();
  const words = (text) => {
    const key = text || "";
    let found = splitOnce.get(key);
    if (found === undefined) {
      found = splitWords(key);
      if (splitOnce.size < 20000) splitOnce.set(key, found);
    }
    return found.slice(); // a copy: the kept words stay as split, whatever a caller does
  };
  const splitWords = (text) =>
    text.toLowerCase().replace(/['\u2019]/g, "").replace(/\b(?:little|lil) ones?\b/g, " ")
      // "A&E", the UK's emergency department, is a hospital (its letters alone are stop words).
      .replace(/\ba ?(?:&|and) ?e\b/g, " hospital ")
      // So is "the ER" ("go to the ER"); "er" alone may be a pause ("er, is that normal?").
      .replace(/\b(the|to|an) er\b/g, "$1 hospital")
      // A face or a sign typed for a word ("baby 🤒"): the word, in every edition.
      .replace(/\p{Extended_Pictographic}/gu, (face) => ` ${EMOJI[face] || ""} `)
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const englishStem = (word) => {
    if (word.length > 4 && /ie[sd]$/.test(word)) return word.slice(0, -3) + "y"; // worried, tries
    if (word.endsWith("ss")) return word; // stiffness, less
    for (const end of ["ing", "ed", "es", "s", "e"]) {
      if (word.length - end.length >= 3 && word.endsWith(end)) {
        const base = word.slice(0, -end.length);
        // dragging -> drag, spinning -> spin (but pulling, rolling keep "ll")
        return end.length > 1 && end !== "es" && /([^aeioulsz])\1$/.test(base) ? base.slice(0, -1) : base;
      }
    }
    return word;
  };
  // Accents do not count: a parent on a phone types "rigidas" for "rígidas". (Plain
  // ASCII has none: most words skip the normalising, a search's most frequent call.)
  const fold = (word) => (/[^ -~]/.test(word) ? word.normalize("NFD").replace(/\p{M}/gu, "") : word);
  // English: our own stemmer, tuned on parents' queries. Another language: Sphinx's
  // Snowball stemmer for it (language_data.js, on the search page), accents folded after.
  // Each word is stemmed once (a query stems the words of every part it loads, and the
  // phrases of the notices), once the language's stemmer is there.
  const english = options.language.toLowerCase().startsWith("en");
  let stemmer = null;
  const stemmed = new Map();
  const stem = (word) => {
    const known = stemmed.get(word);
    if (known !== undefined) return known;
    const Stemmer = english ? null : options.stemmer();
    if (typeof Stemmer !== "function") {
      const found = fold(englishStem(word));
      if (english) stemmed.set(word, found);
      return found;
    }
    stemmer ??= new Stemmer();
    const found = fold(stemmer.stemWord(word));
    stemmed.set(word, found);
    return found;
  };
  // Fields and the weight of a match in each: keywords, title, tags, text.
  const FIELDS = [["k", 4], ["t", 3], ["g", 2], ["x", 1]];
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  // A gap's digits (render/postings.py, GAP_DIGITS), and each one's value by its code.
  const GAP_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  const GAP_VALUE = new Int8Array(128);
  [...GAP_DIGITS].forEach((c, n) => {
    GAP_VALUE[c.charCodeAt(0)] = n;
  });

  /* ---- A split index (render/search_shards.py) ------------------------------ */
  // Up front: per entry its kind, one character each; the words, the rows and (for a
  // query that names an age) the entries' ages come in parts, loaded for what is asked.
  const entryCount = (index) => (index.entries && !index.parts ? index.entries.length : index.total);
  // One character per month of age, or per kind (render/search_shards.py, AGE_ALPHABET).
  const AGE_ALPHABET = "~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-./:;<=";
  const decode = (index, text, n) => AGE_ALPHABET.indexOf(text[n]) - 1;
  const kindOf = (index, n) =>
    index.parts ? index.kind_labels[decode(index, index.kinds, n)] : index.entries[n][3];
  function fromOf(index, n) {
    if (!index.parts) return index.entries[n][6];
    if (typeof index.from !== "string") return null; // not loaded: the query names no age
    const months = decode(index, index.from, n);
    return months < 0 ? null : months;
  }
  // One encoder: making one is slow (9 ms for a query's parts, cold, at 5,000 entries).
  let encoder = null;
  const hex = (text) => Array.from((encoder ??= new TextEncoder()).encode(text), (b) => b.toString(16).padStart(2, "0")).join("");
  // The letters (folded) the words of each part begin with ("ba cra cru le"): three
  // where the words of two letters are many, else two.
  const partStarts = (index) => (index.crawlStarts ??= new Set(String(index.parts.words || "").split(" ").filter(Boolean)));
  // The letters of the part holding the words that begin as ``word`` does, accents
  // folded: its first three, or two.
  const startOf = (index, word) => {
    const folded = fold(word);
    return partStarts(index).has(folded.slice(0, 3)) ? folded.slice(0, 3) : folded.slice(0, 2);
  };
  const partOf = (index, word) => `w-${hex(startOf(index, word))}`;
  const partNames = (index, starts) => [...starts].filter((start) => partStarts(index).has(start)).map((start) => `w-${hex(start)}`);

  // The parts a query needs: the words typed and their synonyms, as typed and by stem
  // (a word is kept in its stem's part too: "cried", stem "cry"), and the entries' ages
  // when it names one.
  function wordParts(index, query) {
    const wanted = new Set();
    const add = (word) => { wanted.add(startOf(index, word)); wanted.add(startOf(index, stem(word))); };
    words(query).forEach((word) => {
      add(word);
      [].concat(own(index.synonyms || {}, word) || own(index.synonyms || {}, stem(word)) || [])
        .forEach((synonym) => words(synonym).forEach(add));
    });
    // A query that may say a skill is gone needs the signs with a verb of stopping in
    // their keywords (skillLostSigns), though it says "anymore" or "ya no", and the
    // entries' ages, to tell whether a later skill took over (takenOver; s45). So does
    // one with another form of that verb ("won't stop crawling": no match for them), or
    // an age ("2 weeks old not crawling": no sign of a skill lost for any age), or a
    // negation ("he doesn't babble": a skill not done is no match for them; s46).
    const { no_longer: noLonger, negation } = intentSets(index);
    const stops = stoppingStems(index);
    const mayBeLost = words(query).some((word) => noLonger.has(fold(word)) || stops.has(stem(word)));
    const aged = Number.isFinite(queryAge(index, query));
    const negated = words(query).some((word) => negation.has(fold(word)));
    if (mayBeLost || aged || negated) [...noLonger].filter((word) => negation.has(word)).forEach(add);
    const names = partNames(index, wanted);
    if (mayBeLost || aged) names.push("a");
    return names;
  }
  // After the parts of wordParts: for a word they do not know (a typo, "crwaling", or a
  // word the handbook lacks), every part of its first two letters, where a typo is
  // looked for (not for the words the notices read: "breathing" waits for nothing).
  function typoParts(index, query) {
    const STOP = stopWords(index);
    const known = (index.crawlSearcher ??= searcher(index)).stems();
    const claimed = claimedStems(index, query);
    const unknown = new Set(words(query).filter((w) => !STOP.has(w) && !known.has(stem(w)) && !claimed.has(stem(w)))
      .map((w) => fold(w).slice(0, 2)));
    return partNames(index, [...partStarts(index)].filter((start) => unknown.has(start.slice(0, 2))));
  }
  // A split index's phrases that name no illness ("fell asleep", "hot weather"), a part
  // of their own: they only take a notice back (withoutHarmless drops words, and a
  // notice's phrase needs all its words), so a query needs them when, read without
  // them, it gets a notice or a topic not covered (what the ranked entries add to that
  // reading loads them late: showEntryResults). Two cases
  // where they may give a notice are loaded with them at once: a long word, which may
  // split into theirs (spacedOut); and a word of heat, which the surroundings named in a
  // phrase of theirs ("my baby is hot in hot weather") would otherwise take back.
  const HARMLESS_PART = "h";
  const harmlessPending = (index) => Boolean(index.parts && index.parts.harmless) && !(index.intent || {}).harmless;
  function harmlessParts(index, query, needs = null) {
    if (!harmlessPending(index)) return [];
    const { heat } = intentSets(index);
    const said = words(query).map(fold);
    if (said.some((word) => word.length >= 11 || heat.has(word))) return [HARMLESS_PART];
    const read = needs || triage(index, query, []);
    return read.urgent || read.topics.length ? [HARMLESS_PART] : [];
  }
  // A split index's emergency and illness words in other languages than the edition's
  // ("bebê não respira" in the English edition), a part of their own: loaded, with the
  // harmless phrases, for a query with a word that neither the handbook (the word parts
  // loaded) nor the edition's own words know, or a long word (words run together).
  const FOREIGN_PART = "x";
  function foreignParts(index, query) {
    if (!index.parts || !index.parts.foreign || index.crawlForeign) return [];
    const handbook = (index.crawlSearcher ??= searcher(index)).stems();
    const claimed = claimedWords(index);
    // (Not the harmless phrases: they are every language's, and may be loaded or not yet;
    // nor the words read beside a colour, or of a very young baby unwell, of every
    // language too: "bebê roxo", "he went all floppy" in the Spanish edition.)
    const intent = Object.entries(index.intent || {})
      .filter(([key]) => !["harmless", "young_unwell"].includes(key) && !key.startsWith("colour")).flatMap(([, list]) => list);
    const known = (index.crawlOwnWords ??= new Set([...(index.stop || []), ...intent]
      .flatMap((phrase) => words(String(phrase).split(":")[0])).map(fold)));
    const unknown = words(query).some((word) => {
      const folded = fold(word);
      if (folded.length >= 11) return true;
      if (/^\d/.test(folded) || known.has(folded)) return false;
      const root = stem(word);
      return !handbook.has(root) && !claimed.has(root) && !known.has(root);
    });
    return unknown ? [FOREIGN_PART, ...(harmlessPending(index) ? [HARMLESS_PART] : [])] : [];
  }
  const rowParts = (index, positions) =>
    [...new Set(positions.filter((n) => !index.entries[n]).map((n) => `r-${Math.floor(n / index.parts.rows_per_part)}`))];

  // A part's data, merged into the index: words into each field, rows into place.
  function mergePart(index, name, data) {
    if (name === "a") {
      index.from = data;
    } else if (name === HARMLESS_PART) {
      // The harmless phrases, and the words that make a colour a thing's (an older
      // index's part: the phrases alone).
      Object.assign(index.intent ??= {}, Array.isArray(data) ? { harmless: data } : data);
      // What was worked out without them: the words spacedOut splits with, the intent
      // sets, and which signs have a colour.
      index.crawlKnown = index.crawlIntent = index.crawlColourSigns = null;
    } else if (name === FOREIGN_PART) {
      // Other languages' words after the edition's, each list as the whole index has it.
      const emergency = (index.emergency ??= {});
      Object.entries(data).forEach(([key, more]) => {
        if (key !== "still") emergency[key] = [...(emergency[key] || []), ...more];
        else Object.entries(more).forEach(([list, phrases]) => {
          (emergency.still ??= {})[list] = [...(emergency.still[list] || []), ...phrases];
        });
      });
      index.crawlForeign = true;
      // What was worked out from the edition's words alone.
      index.crawlClaimed = index.crawlKnown = index.crawlStill = index.crawlAsking = null;
    } else if (name.startsWith("w-")) {
      Object.entries(data).forEach(([field, byWord]) => Object.assign(index.words[field] ??= {}, byWord));
      index.crawlSearcher = null; // its stems and masks were made from fewer words
    } else {
      const start = Number(name.slice(2)) * index.parts.rows_per_part;
      data.forEach((row, i) => { index.entries[start + i] = row; });
    }
  }

  // A word's entries, ascending: "~" + a base-64 bitmap (bit i of byte j is entry
  // 8j + i), or gaps in base 36 ("3,1,a"). Sets stay lists of the entries they hold, so
  // a query's work grows with the entries its words match, not with the handbook.
  function entriesOf(code) {
    const found = [];
    if (code[0] !== "~") {
      // Gaps in base 32 (render/postings.py): a last digit from the first 32 of
      // GAP_DIGITS, any before it from the other 32.
      let position = 0;
      let value = 0;
      for (let i = 0; i < code.length; i += 1) {
        const digit = GAP_VALUE[code.charCodeAt(i)];
        if (digit >= 32) value = value * 32 + digit - 32;
        else {
          found.push((position += value * 32 + digit));
          value = 0;
        }
      }
      return found;
    }
    let buffer = 0;
    let bits = 0;
    let byte = 0;
    for (let i = 1; i < code.length; i += 1) {
      buffer = ((buffer << 6) | B64.indexOf(code[i])) & 0xffff;
      bits += 6;
      if (bits < 8) continue;
      bits -= 8;
      const value = (buffer >> bits) & 0xff;
      for (let b = 0; value && b < 8; b += 1) if (value & (1 << b)) found.push(byte * 8 + b);
      byte += 1;
    }
    return found;
  }
  // Sorted lists of entries: all of them, and those in every one.
  function union(lists) {
    const some = lists.filter((list) => list.length);
    if (some.length < 2) return some[0] || [];
    const all = Int32Array.from(some.flat()).sort();
    return Array.from(all.filter((n, i) => i === 0 || n !== all[i - 1]));
  }
  function intersection(a, b) {
    const both = [];
    for (let i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i] < b[j]) i += 1;
      else if (a[i] > b[j]) j += 1;
      else { both.push(a[i]); i += 1; j += 1; }
    }
    return both;
  }

  function searcher(index) {
    const total = entryCount(index);
    const byStem = {}; // field -> stem -> words of the vocabulary
    const cache = new Map();
    const stemsOf = (field) => {
      if (!byStem[field]) {
        const map = new Map();
        Object.keys(index.words[field] || {}).forEach((word) => {
          const key = stem(word);
          if (!map.has(key)) map.set(key, []);
          map.get(key).push(word);
        });
        byStem[field] = map;
      }
      return byStem[field];
    };
    // Entries with a word of this stem in this field.
    const withStem = (field, key) => {
      const id = field + " " + key;
      if (!cache.has(id)) {
        cache.set(id, union((stemsOf(field).get(key) || []).map((word) => entriesOf(index.words[field][word]))));
      }
      return cache.get(id);
    };
    // Entries with every stem of a phrase ("stiff leg") in one field.
    const withAll = (field, stems) => {
      const id = field + "|" + stems.join(" ");
      if (!cache.has(id)) {
        const lists = stems.map((s) => withStem(field, s));
        cache.set(id, lists.length ? lists.reduce(intersection) : []);
      }
      return cache.get(id);
    };
    // Every stem of the vocabulary, whatever the field: for typos ("crawlling").
    let vocabulary = null;
    const stems = () => (vocabulary ??= new Set(FIELDS.flatMap(([field]) => [...stemsOf(field).keys()])));
    return { withAll, total, stems };
  }

  /* ---- Words that match despite typos and endings ------------------------ */
  // How many typos a word (stem) of this length forgives: none below 5 letters, where
  // one typo makes another word ("socks" is not "sick", "born" not "burn").
  const typosAllowed = (word) => (word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0);
  // Edits (insert, delete, change, swap two neighbours) from a to b, or limit + 1.
  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let before = null;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= b.length; j += 1) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        row.push(value);
        best = Math.min(best, value);
      }
      if (best > limit) return limit + 1;
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }
  // A typed word is taken for a phrase's word when it is that word, or a typo of it
  // that is not itself a word of the handbook ("breathign", not "socks" for "sick"), and
  // starts with the same letter: a word that differs in its first letter is most often
  // another word (s48, a scan of 25,000 common words: "my baby aint crawling" was
  // "faint", an emergency; "jumped" "bumped", "kitten" "bitten", "abogado" "ahogado").
  const closeEnough = (typed, wanted, isHandbookWord) =>
    typed === wanted || (!isHandbookWord && typed[0] === wanted[0] &&
      editDistance(typed, wanted, typosAllowed(wanted)) <= typosAllowed(wanted));
  // A word as typed (accents folded) and as its stem: a typo may hide the ending
  // ("breathign" is one swap from "breathing", not from its stem "breath").
  const forms = (text) => words(text).map((word) => [fold(word), stem(word)]);
  // A notice's phrases are read against the query twice per search (once to know which
  // parts to load, once to decide), and words() is the costliest part of it: each
  // phrase's forms are worked out once per page.
  const phraseForms = new Map();
  const formsOfPhrase = (phrase) => {
    let found = phraseForms.get(phrase);
    if (found === undefined) phraseForms.set(phrase, (found = forms(phrase)));
    return found;
  };
  // Whether every word of a phrase ("blue lips") is among the query's, in any order.
  // A stem of under 4 letters typed as it is, no ending, is a longer word only with an
  // English ending ("cry" is "crying", "lip" "lips", "bit" "bite"): "her" (English) is not
  // "herida" (a wound, whose Spanish stem is "her"); "move" is still "moving" (both
  // "mov").
  const saysWord = ([typed, typedRoot], [word, root], vocabulary) => {
    const known = vocabulary.has(typedRoot);
    const byStem = root.length >= 4 || typed !== typedRoot || typed.length >= word.length ||
      englishStem(word) === typed;
    return (byStem && closeEnough(typedRoot, root, known)) || closeEnough(typed, word, known);
  };
  // A phrase in quotes ('"eyes rolling back"') is named only in its order, with nothing
  // between its words but those ``vocabulary.between`` allows (stop words: "his eyes keep
  // rolling back"): "rolling back, eyes fine" is a baby rolling (s42).
  const namesPhrase = (asked, phrase, vocabulary) => {
    const wanted = formsOfPhrase(phrase);
    if (!wanted.length) return false;
    if (!phrase.trimStart().startsWith('"')) {
      return wanted.every((form) => asked.some((pair) => saysWord(pair, form, vocabulary)));
    }
    const between = vocabulary.between || (() => false);
    const from = (w, at) => {
      for (let i = at; i < asked.length; i += 1) {
        if (saysWord(asked[i], wanted[w], vocabulary) && (w + 1 === wanted.length || from(w + 1, i + 1))) return true;
        if (w > 0 && !between(asked[i][0])) return false;
      }
      return false;
    };
    return from(0, 0);
  };
  // The vocabulary's nearest stems to one it does not have, within the typos allowed.
  function nearestStems(typed, vocabulary) {
    let best = typosAllowed(typed) + 1;
    let found = [];
    if (best === 1) return found;
    vocabulary.forEach((known) => {
      const d = editDistance(typed, known, best);
      if (d < best) { best = d; found = [known]; } else if (d === best) found.push(known);
    });
    return found;
  }

  // Words that say what the parent wants, not what about (a question, a worry, an age,
  // a negation), in the handbook's language: from the index (render/search_words.py).
  const COMMON_SHARE = 0.4; // a word in more than this share of entries is common
  const intentSets = (index) => (index.crawlIntent ??= Object.fromEntries(
    ["question", "worry", "age", "negation", "alarm", "months", "years", "weeks", "days",
      "early", "born", "early_by", "vague", "amiss", "young_unwell", "duration", "old", "newborn", "degrees", "under", "units", "heat", "surroundings", "spilled", "bath", "toddler",
    "colours", "colours_after", "colour_of", "colour_turns", "colour_is", "colour_links", "colour_shades", "colour_things",
    "no_longer", "no_more", "than", "compared", "past", "not_done", "loss", "started", "between", "corrected", "and", "half"].map((key) => [key, new Set(((index.intent || {})[key] || []).map(fold))])));
  // Numbers in words and their values ("six" 6, "a" 1: "a month old"), from "six:6".
  const numberWords = (index) => (index.crawlNumbers ??= new Map(((index.intent || {}).numbers || [])
    .map((pair) => pair.split(":")).map(([word, value]) => [fold(word), Number(value)])));

  // A query's words and numbers, numbers in words as digits ("six" 6), a number and its
  // unit apart ("5wk", "38c"), accents folded. A "y" on a number is a year ("1y 2m", as
  // "2m" is months; s45: "1y 2m not crawling" was read as a 2-month-old); apart, it is
  // Spanish "and" ("entre 6 y 10 meses"), no year.
  function numberTokens(index, query) {
    const inWords = numberWords(index);
    const { weeks, days } = intentSets(index);
    const found = fold(query.toLowerCase()).split(/[^\p{L}\p{N}.,]+/u)
      .map((token) => token.replace(/[.,]+$/, "")) // "semanas," is "semanas"; "10,5" stays
      // (Each number and unit of one glued together apart: "5wk", "1y7m", s54.)
      .flatMap((token) => (/^\d+(?:[.,]\d+)?\p{L}/u.test(token)
        ? token.match(/\d+(?:[.,]\d+)?|\p{L}+/gu).map((part) => (part === "y" ? "yr" : part)) : [token]))
      .filter(Boolean)
      .map((token) => (inWords.has(token) ? String(inWords.get(token)) : token));
    // A week or a day said before its number ("wk 6 baby floppy", "día 5"): its age
    // (s54). Not another number's unit ("born at 32 weeks 3 days").
    return found.map((token, i) => {
      const unit = (at) => weeks.has(found[at]) || days.has(found[at]);
      const number = (at) => /^\d+$/.test(found[at] || "");
      if (unit(i) && number(i + 1) && !number(i - 1) && !unit(i + 2)) return found[i + 1];
      if (number(i) && unit(i - 1) && !number(i - 2) && !unit(i + 1)) return found[i - 1];
      return token;
    });
  }

  // Each age a query gives, a number with the word after it ("9 months", "2-year-old",
  // "10,5 meses", "5wk", "six weeks"): [value, that word, the word before, the word
  // after, the word two before, two after, three after], accents folded; not how long something has lasted ("3
  // weeks ago", "for 2 months", "hace 3 semanas"), unless it says "old" ("for a 9 month
  // old").
  function numbersWithWords(index, query) {
    const { duration, old } = intentSets(index);
    const tokens = joinedAges(index, numberTokens(index, query));
    return tokens.flatMap((token, i) => (/^\d+(?:[.,]\d+)?$/.test(token) && i + 1 < tokens.length
      && (old.has(tokens[i + 2]) || !(duration.has(tokens[i - 1]) || duration.has(tokens[i + 2])))
      ? [[Number(token.replace(",", ".")), tokens[i + 1], tokens[i - 1], tokens[i + 2], tokens[i - 2],
        tokens[i + 3], tokens[i + 4]]] : []));
  }

  // A query's tokens (numberTokens) with each age said in two parts as one number and
  // its unit: "1 year 2 months", "1y 2m", "2 años y 1 mes" (in months: 14, 25), "18
  // months and 2 weeks" (in the first part's unit: 18.46 months; "born at 32 weeks and 3
  // days" stays a gestation in weeks), "a year and a half", "1 and a half years", "un
  // año y medio" (1.5 years), and a year or month said without a number before its
  // second part ("año y 3 meses", "año y medio"). s45b: the first part alone was read
  // (12 months for each of "1 year 2 months", "un año y medio"; "año y 3 meses" was a
  // 3-month-old). Not two ages ("entre 6 y 10 meses", "between 1 year and 18 months":
  // a second part of a whole first unit or more), nor how early ("10 months and 2 weeks
  // early").
  function joinedAges(index, tokens) {
    const { months, years, weeks, days, early, and, half } = intentSets(index);
    const units = [years, months, weeks, days];
    const MONTHS_PER = [12, 1, 1 / WEEKS_PER_MONTH, 1 / DAYS_PER_MONTH];
    const rank = (word) => (word === undefined ? -1 : units.findIndex((set) => set.has(word)));
    const isNumber = (token) => /^\d+(?:[.,]\d+)?$/.test(token || "");
    const halfAt = (j) => (half.has(tokens[j]) ? j : tokens[j] === "1" && half.has(tokens[j + 1]) ? j + 1 : -1);
    const joined = [];
    for (let i = 0; i < tokens.length; i += 1) {
      const number = isNumber(tokens[i]);
      // A year or a month with no number before, said with its second part ("año y medio").
      const bare = !number && !isNumber(tokens[i - 1]) && [0, 1].includes(rank(tokens[i])) && and.has(tokens[i + 1]);
      const first = number ? Number(tokens[i].replace(",", ".")) : bare ? 1 : NaN;
      const unitAt = number ? i + 1 : i;
      const unit = rank(tokens[unitAt]);
      let next = unitAt + 1;
      if (and.has(tokens[next])) next += 1;
      // "1 and a half years": the half before the unit.
      const halfFirst = number && and.has(tokens[i + 1]) ? halfAt(i + 2) : -1;
      if (halfFirst >= 0 && rank(tokens[halfFirst + 1]) >= 0) {
        joined.push(String(first + 0.5), tokens[halfFirst + 1]);
        i = halfFirst + 1;
        continue;
      }
      if (Number.isNaN(first) || unit < 0) { joined.push(tokens[i]); continue; }
      const halfAfter = halfAt(next);
      if (halfAfter >= 0) {
        joined.push(String(first + 0.5), tokens[unitAt]);
        i = halfAfter;
        continue;
      }
      const second = rank(tokens[next + 1]);
      const more = isNumber(tokens[next]) && second > unit ? Number(tokens[next].replace(",", ".")) * MONTHS_PER[second] : NaN;
      if (!(more < MONTHS_PER[unit]) || early.has(tokens[next + 2])) { joined.push(tokens[i]); continue; }
      // From a year, in months; else in the first part's unit.
      joined.push(...(unit === 0 ? [String(first * 12 + more), months.has(tokens[next + 1]) ? tokens[next + 1] : [...months][0]]
        : [String(first + more / MONTHS_PER[unit]), tokens[unitAt]]));
      i = next + 1;
    }
    return joined;
  }

  // A baby's age in weeks, when the query gives it so ("5 weeks old", "3 semanas", "10
  // days old"), and not how early the baby was born ("born 6 weeks early", "nació 6
  // semanas antes").
  // Whether a number and its unit say how early the baby was born, not how old it is:
  // as the baby's age is read (earlyBy). So an age said "old" after a word that says
  // born early ("premature 6 weeks old", "preemie 6 week old") is how old the baby is,
  // and "premature by 6 weeks" is how early (s44: the first got the illness notice for a
  // fever, not the call to the doctor now; "premature by 6 weeks, 5 months old, fever"
  // was told to call as for a baby under 3 months).
  const howEarly = (index, value, unit, around) => earlyBy(index, value, unit, 0, around) !== null;
  function queryWeeks(index, query) {
    const { weeks, days } = intentSets(index);
    const found = numbersWithWords(index, query).find(([value, unit, ...around]) =>
      (weeks.has(unit) || days.has(unit)) && !howEarly(index, value, unit, around));
    if (!found) return NaN;
    return days.has(found[1]) ? found[0] / 7 : found[0];
  }

  // Whether the query says the baby is a newborn ("newborn", "recién nacido"): the
  // index's words, each a word or words in a row.
  function saysNewborn(index, query) {
    const said = ` ${words(query).map(fold).join(" ")} `;
    return [...intentSets(index).newborn].some((phrase) => said.includes(` ${words(phrase).join(" ")} `));
  }

  // Whether the query says the baby is younger than a limit, given in weeks and in
  // months: by the age it states ("5 weeks old", "2 meses", "10 days"; not "born 6 weeks
  // early", not "for 2 weeks"), under an age no older than the limit ("under 3 months",
  // "less than 12 weeks", "menor de 3 meses"), or a newborn.
  function youngerThan(index, query, weeksLimit, monthsLimit) {
    const { months, weeks, days, under } = intentSets(index);
    const below = (value, limit, before, twoBefore) =>
      value < limit || (value <= limit && (under.has(before) || under.has(twoBefore)));
    return numbersWithWords(index, query).some(([value, unit, ...around]) => {
      if (howEarly(index, value, unit, around)) return false;
      const [before, , twoBefore] = around;
      if (months.has(unit)) return below(value, monthsLimit, before, twoBefore);
      if (weeks.has(unit)) return below(value, weeksLimit, before, twoBefore);
      return days.has(unit) && below(value / 7, weeksLimit, before, twoBefore);
    }) || saysNewborn(index, query);
  }

  // A parent worried about a very young baby ("my 5 week old, I'm very worried", "newborn
  // scared"), or saying only that something is amiss with one ("my 6 week old is not
  // right", "newborn seems off": s53, no notice before): an emergency where the handbook
  // says so (crawl_emergency's young_weeks; the NHS: under 8 weeks and very worried).
  function youngAndWorried(index, query) {
    const { young_weeks: limit, young_months: inMonths } = index.emergency || {};
    const { alarm, amiss, negation, newborn, young_unwell: unwell } = intentSets(index);
    const said = words(query).map(fold);
    // (The words saying how young, "newborn", "recién nacido", are no topic here; and a
    // problem alone is no sign of worry: "newborn problems" is what a parent reads up on.
    // Floppy, grunting or unwell, at that age, is a worry: s54.)
    const worried = said.some((w) => alarm.has(w) || unwell.has(w)) || (vagueWorry(index, query, "", new Set([...newborn].flatMap(words))) &&
      said.some((w) => (amiss.has(w) || negation.has(w)) && !/^(problem|issue|problema)s?$/.test(w)));
    return Boolean(limit) && worried && youngerThan(index, query, limit, inMonths);
  }

  // A temperature as a number: 38 to 42.9 (°C) or 100.4 to 109.9 (°F), whatever follows
  // ("2 month old 38.5", "39 grados", "39.2 in my 10 week old", "tiene 38 y 2 meses");
  // not an age, a gestation, a size or a time ("born at 38 weeks", "40 days old", "38.5
  // cm", "40 minutes").
  function saysTemperature(index, query) {
    const { early, units, months, years, weeks, days } = intentSets(index);
    const notHeat = [units, months, years, weeks, days];
    const tokens = numberTokens(index, query);
    return tokens.some((token, i) => {
      if (!/^\d+(?:[.,]\d+)?$/.test(token) || early.has(tokens[i - 1]) || early.has(tokens[i - 2])) return false;
      const value = Number(token.replace(",", "."));
      if (!((value >= 38 && value < 43) || (value >= 100.4 && value < 110))) return false;
      const next = tokens[i + 1];
      return next === undefined || !notHeat.some((set) => set.has(next));
    });
  }

  // A fever in a baby under 3 months (the HSE: with a temperature of 38 °C or more, call
  // the doctor urgently; don't wait): a fever word or a temperature, and an age under the
  // limit the index gives (in months and in weeks), or a newborn.
  function youngFever(index, query, names) {
    const { fever, fever_months: months, fever_weeks: weeks } = index.emergency || {};
    if (!months || !(fever || []).length) return false;
    if (!names(fever) && !saysTemperature(index, query)) return false;
    return youngerThan(index, query, weeks, months);
  }

  // The baby's age a query names ("9 months", "2-year-old", "10,5 meses", "6 week old",
  // "300 days"), in months; not how early the baby was born ("born 2 months early").
  // An age said corrected ("10 months, corrected 8 months", "8 months corrected",
  // "edad corregida 8 meses") is the age the handbook's ages mean, whatever other age the
  // query gives (s45: the 10 months were read, and a sign from 10 months came first).
  function queryAge(index, query) {
    const { months, years, weeks, days, corrected } = intentSets(index);
    const ages = [];
    let earlyMonths = 0;
    for (const [value, unit, ...around] of numbersWithWords(index, query)) {
      const inMonths = months.has(unit) ? value : years.has(unit) ? value * 12
        : weeks.has(unit) ? value / WEEKS_PER_MONTH : days.has(unit) ? value / DAYS_PER_MONTH : NaN;
      if (Number.isNaN(inMonths)) continue;
      if (saysCorrected(corrected, around)) return inMonths;
      const early = earlyBy(index, value, unit, inMonths, around);
      if (early !== null) earlyMonths ||= early;
      else ages.push(inMonths);
    }
    // The first age, or the first the entries reach after an older one: the baby's, not
    // a sibling's or the parent's ("i have a 3 year old and a 7 month old", "I'm a 24 year
    // old mum, my 9 month old": s54, told the handbook does not cover the child).
    const [, oldest] = (index.emergency || {}).ages_months || [];
    const age = ages.find((value) => !(value > oldest)) ?? ages[0];
    if (age !== undefined) return correctedAge(index, age, earlyMonths);
    // A toddler: a year old at least (the youngest a word can say).
    const { toddler } = intentSets(index);
    return words(query).some((word) => toddler.has(fold(word))) ? 12 : NaN;
  }

  // Whether "corrected" is said of this age: before it ("corrected 8 months", "corrected
  // age 8 months"), or after it with no other age after ("8 months corrected", not the
  // 10 of "10 months corrected 8 months").
  const saysCorrected = (corrected, [before, after, before2, after2, after3]) =>
    corrected.has(before) || corrected.has(before2)
    || (corrected.has(after) && !/^\d/.test(after2 || ""))
    || (corrected.has(after2) && !/^\d/.test(after3 || ""));

  // How early a number says the baby came, in months ("born 6 weeks early", "6 weeks
  // premature", "premature by 6 weeks", "prematuro de 8 semanas", "nació 3 meses antes",
  // a gestation: "born at 32 weeks"), or null: it is no such number ("a 12 month old
  // born 3 months early": the 12 is the age; "12 meses, prematuro de 8 semanas").
  function earlyBy(index, value, unit, inMonths, [before, after, before2, after2]) {
    const { early, born, early_by: by, weeks, old } = intentSets(index);
    if (born.has(before2) && weeks.has(unit) && value >= 22 && value <= 42 && !early.has(after)) {
      return Math.max(0, 40 - value) / WEEKS_PER_MONTH;
    }
    if (old.has(after)) return null;
    if (early.has(before)) return inMonths;
    if (by.has(before) && early.has(before2) && !born.has(before2)) return inMonths;
    if (early.has(after) && !born.has(after) && !by.has(after2)) return inMonths;
    return null;
  }

  // The age the handbook's ages mean for a baby born early, as the age filter works it
  // out: less the time born early when that was more than the index's weeks, until the
  // age it gives (a 12-month-old born 3 months early is ranked for 9 months).
  function correctedAge(index, months, earlyMonths) {
    const rule = index.corrected_age;
    if (!rule || !earlyMonths || months >= rule.until_months) return months;
    if (earlyMonths * WEEKS_PER_MONTH <= rule.after_weeks_early) return months;
    return Math.max(0, months - earlyMonths);
  }
  const WEEKS_PER_MONTH = 365.25 / 12 / 7;
  const DAYS_PER_MONTH = 365.25 / 12;

  // Each entry's role ("sign", "answer") by its kind, looked up once a kind.
  const rolesOf = (index) => {
    const byKind = new Map();
    return (n) => {
      const kind = kindOf(index, n);
      if (!byKind.has(kind)) byKind.set(kind, own(index.roles || {}, String(kind)) || "");
      return byKind.get(kind);
    };
  };
  const isWorry = (index, query) => {
    const { negation, alarm } = intentSets(index);
    return words(query).some((w) => negation.has(fold(w)) || alarm.has(fold(w)));
  };

  // The index's stop words as written (a query's words are matched as typed), made once.
  const stopWords = (index) => (index.crawlStopWords ??= new Set(index.stop || []));

  function rankEntries(index, query) {
    const STOP = stopWords(index);
    // Which words say a skill is gone, worked out once: for the words meant, and below.
    const queryWords = words(query);
    const saysGone = noLongerAt(index, queryWords);
    const said = meantWords(index, queryWords, saysGone);
    const terms = said.filter((w) => !STOP.has(w));
    if (!terms.length) return [];
    const synonyms = index.synonyms || {};
    // One group of alternatives per word: its stem, and its synonyms (words or phrases).
    const groups = terms.map((term) => [
      ...new Set([stem(term), ...([].concat(own(synonyms, term) || own(synonyms, stem(term)) || [])).map((s) => words(s).map(stem).join(" "))]),
    ].filter(Boolean));
    const find = index.crawlSearcher ??= searcher(index);
    const total = find.total;
    // A word the handbook does not have may be a typo of one it has ("crawlling").
    const claimed = claimedStems(index, query);
    // Groups found only through a correction: a typo, or a real word the handbook lacks
    // ("pointing" is not "painting"); they count half towards "may not cover this".
    const corrected = groups.map((alternatives) => {
      if (alternatives.some((alt) => alt.split(" ").every((w) => find.stems().has(w)))) return false;
      const [typed] = alternatives;
      if (claimed.has(typed) || !typed || typed.includes(" ")) return false;
      const near = nearestStems(typed, find.stems());
      alternatives.push(...near);
      return near.length > 0;
    });
    // Per group, a bit for each field an entry matches it in; and the entries matched,
    // so the work below grows with them, not with the handbook.
    const fieldsOf = groups.map(() => new Uint8Array(total));
    const seen = new Uint8Array(total);
    const touched = [];
    // A query that says a skill the baby had is gone ("stopped walking", "dejó de
    // caminar", "doesn't roll anymore"): a sign with a verb of stopping in its keywords
    // (a skill lost) answers it, whatever skill is named, and comes before what the
    // skill's own entries say (s44), found or not by the query's other words (below).
    const lostSaid = saysGone.some(Boolean);
    const lostSigns = lostSaid ? skillLostSigns(index) : new Set();
    // Where the query says no skill is gone, a form of a verb of stopping ("stop",
    // "stops", "stopping"; meantWords keeps "stopped" only where it says one is) is no
    // match for the signs of a skill lost, whose keywords say "stopped crawling" (s46:
    // "my 9 month old won't stop crawling backwards", "won't stop crying", "stops crawling
    // when tired" brought up "Your baby loses a skill" first).
    // Nor is a skill said not done ("2 month old not babbling", "5 month old not
    // sitting": a skill not reached yet; before, the lost skill first or second, by its
    // "stopped babbling", "stopped sitting").
    const stops = stoppingStems(index);
    const { negation: NEGATED } = intentSets(index);
    const lostSigned = lostSaid ? new Set() : skillLostSigns(index);
    let skill = null;
    // (Said right after the negation, or one word on: "not sitting", "no se sienta"; not
    // a word further on, in what follows it: "he doesnt do what he used to do", s47.)
    const saidAt = said.flatMap((w, i) => (STOP.has(w) ? [] : [i]));
    const notDone = (term, g) => g > 0 && NEGATED.has(fold(terms[g - 1])) && saidAt[g] - saidAt[g - 1] <= 2 &&
      find.withAll("k", [stem(term)]).some((n) => lostSigned.has(n)) && (skill ??= skillOf(index))(term);
    // Nor a skill the lost signs name after their verb of stopping ("stopped sitting"),
    // said with no word of a time before ("my baby is sitting", "from sitting to
    // crawling": s48, "Your baby loses a skill" first); "used to", "before", "antes"
    // keep it ("she used to sit but now she doesnt"), as a word of loss does ("forgot
    // how to sit", "lost the ability to sit": s51, these listed no sign of a skill lost),
    // of the words meant ("doesnt need help sitting anymore" says none).
    const { past: PAST, no_longer: NO_LONGER } = intentSets(index);
    const pastSaid = said.some((w) => PAST.has(fold(w)) || NO_LONGER.has(fold(w))) || speaksOfLoss(index, said);
    const lostSkills = (index.crawlLostSkills ??= new Set((index.lost_skill_words || []).map(stem)));
    const namedAlone = (term) => !pastSaid && lostSkills.has(stem(term));
    const alone = terms.map((term) => !lostSaid && namedAlone(term));
    const notLost = terms.map((term, g) => alone[g] || (!lostSaid && (stops.has(stem(term)) || notDone(term, g))));
    // Every sign of a skill lost: found from the index's words, and up front in a split
    // index (its rows; the query's words alone do not load "stopped").
    const lostRows = new Set([...lostSigned, ...lostSigns, ...(index.lost_skill_rows || [])]);
    const lostKind = alone.some(Boolean) ? lostRows : notLost.some(Boolean) ? lostSigned : new Set();
    // Nor are they found by any other word of a query that speaks of no loss: no word of
    // one ("lost", "regression", "perdió"; speaksOfLoss), no skill said gone, no time
    // before with a negation ("she used to sit but now she doesnt"). Their titles and
    // keywords share common words: "my baby had a good day crawling" found "Your baby
    // loses a skill they already had" by "had", first, urgent (s49).
    // (A time before: "used", "antes"; not a "no longer" word: "hasnt stopped crawling".)
    const before = queryWords.some((w) => PAST.has(fold(w)));
    const lossSpoken = lostSaid || (before && queryWords.some((w) => NEGATED.has(fold(w)))) || speaksOfLoss(index, queryWords);
    const lossUnsaid = lossSpoken ? new Set() : lostRows;
    groups.forEach((alternatives, g) => FIELDS.forEach(([field], f) => alternatives.forEach((alt) => {
      for (const n of find.withAll(field, alt.split(" "))) {
        if ((notLost[g] && lostKind.has(n)) || lossUnsaid.has(n)) continue;
        fieldsOf[g][n] |= 1 << f;
        if (!seen[n]) { seen[n] = 1; touched.push(n); }
      }
    })));
    const inFields = (g, fieldBits) => {
      let count = 0;
      for (const n of touched) if (fieldsOf[g][n] & fieldBits) count += 1;
      return count;
    };
    const KT = 0b0011; // keywords or title
    const HEADINGS = 0b0111; // keywords, title or tags
    const ANY = 0b1111;
    // Rare words count for more than words most entries share ("hardwood" over "backwards").
    const found = groups.map((_, g) => inFields(g, ANY));
    const rarity = found.map((n) => Math.log(1 + total / Math.max(1, n)));
    // Most words must match; words no entry uses at all ("see", "please") do not count,
    // nor, beside other words, those that say the parent's intent or the baby's age
    // ("normal", "worried", "9 months") or that most entries share ("crawling").
    const known = found.map((n) => n > 0);
    const { question: QUESTION_START, worry: WORRY, age: AGE, negation: NEGATION, half: HALF } = intentSets(index);
    // A number in words before an age's unit ("two year old") is an age, as "2" is.
    const inWords = numberWords(index);
    const ageNumber = terms.map((term, i) => inWords.has(fold(term)) && AGE.has(fold(terms[i + 1] || "")));
    // (And the half of "a year and a half", "año y medio".)
    const intent = terms.map((term, i) => WORRY.has(fold(term)) || AGE.has(fold(term)) || HALF.has(fold(term)) ||
      NEGATION.has(fold(term)) || /^\d+$/.test(term) || ageNumber[i]);
    // Words about what the parent asks (not intent) that no entry has, or that only
    // some entry's text mentions in passing (no keyword, title or tag has them): the
    // handbook may not cover the question ("not talking", "cross eyed", "smile").
    // (A word only in text counts half: "need", "before" are in many texts and headings
    // of none, yet "does my baby need to crawl before walking" is well covered.)
    const content = intent.filter((isIntent) => !isIntent).length;
    const inHeadings = groups.map((_, g) => inFields(g, HEADINGS) > 0);
    const uncovered = intent.reduce((sum, isIntent, g) =>
      sum + (isIntent ? 0 : corrected[g] ? 0.5 : inHeadings[g] ? 0 : known[g] ? 0.5 : 1), 0);
    const weak = uncovered > 0 && uncovered * 2 >= content;
    if (!known.some(Boolean)) return Object.assign([], { weak: true });
    const optional = intent.map((isIntent, g) => isIntent || found[g] > total * COMMON_SHARE);
    const counted = known.map((k, g) => k && !optional[g]);
    // The words that give the baby's age ("3 años", "14 months") are about the baby, not
    // what is asked: no entry must have them (a sign for "no gatea" has no "años").
    const age = queryAge(index, query);
    const isAgeWord = (word) => /^\d+([.,]\d+)?$/.test(word) || AGE.has(fold(word)) || HALF.has(fold(word));
    const ageWords = terms.map((term, i) => Number.isFinite(age) && (isAgeWord(term) || ageNumber[i]));
    const knownNotAge = known.map((k, g) => k && !ageWords[g]);
    const core = counted.some(Boolean) ? counted : knownNotAge.some(Boolean) ? knownNotAge : known;
    // What the query asks for: a question or a worry gets answers before warning signs;
    // a query that names a sign (its words are mostly found in signs' titles or
    // keywords: "stiff legs", "floppy") gets the signs first.
    const role = rolesOf(index);
    const asked = words(query);
    const questioning = QUESTION_START.has(fold(asked[0] || "")) || /[?\u00bf]/.test(query)
      || asked.some((w) => WORRY.has(fold(w)));
    const namesSign = groups.some((_, g) => {
      if (intent[g] || !known[g]) return false;
      let signs = 0;
      let all = 0;
      for (const n of touched) {
        if (!(fieldsOf[g][n] & KT)) continue;
        all += 1;
        if (role(n) === "sign") signs += 1;
      }
      // A question's word shared as much by answers as by signs asks for the answer.
      return signs > 0 && (questioning ? signs * 2 > all : signs * 2 >= all);
    });
    // All the words in an entry's keywords or title earn a bonus; parents' keywords are
    // whole questions ("when do babies crawl"), so the asked words count with stop words.
    const named = (stems) =>
      new Set(stems.length < 2 ? [] : ["k", "t"].flatMap((field) => find.withAll(field, stems)));
    const namedTerms = named(terms.map(stem));
    const namedAsked = named(said.map(stem));
    lostKind.forEach((n) => { namedTerms.delete(n); namedAsked.delete(n); });
    const weights = FIELDS.map(([, weight]) => weight);
    lostSigns.forEach((n) => { if (!seen[n]) { seen[n] = 1; touched.push(n); } });
    const saysLost = (n) => lostSigns.has(n);
    // The signs of a skill lost hold at any age, for a baby who had the skill: not for
    // a query that names an age and says no skill is gone (s46: "2 weeks old not
    // crawling", "1 month old cant sit", a skill not reached yet, brought up "Your baby
    // loses a skill" first, by its "stopped crawling", "stopped sitting").
    const lostNotSaid = lostSaid || !Number.isFinite(age) ? new Set() : skillLostSigns(index);
    // Most of the words must match (60%). When no entry has that many, the entries with
    // the most of the words the query is about (one at least) are shown, marked partial,
    // so the worried parent's card comes beside them: "floppy legs" finds the floppy
    // sign, whose text does not say "legs".
    const coreCount = core.filter(Boolean).length;
    const matches = [];
    for (const n of touched) {
      let matched = 0;
      let matchedCore = 0;
      let matchedAbout = 0;
      for (let g = 0; g < groups.length; g += 1) {
        if (!fieldsOf[g][n]) continue;
        matched += 1;
        matchedCore += core[g] ? 1 : 0;
        matchedAbout += intent[g] ? 0 : 1;
      }
      matches.push({ n, matched, matchedCore, matchedAbout });
    }
    let needed = Math.max(1, Math.ceil(coreCount * 0.6));
    // Optional words help reach the count, but an entry must have a word that is not the
    // parent's intent or the baby's age, when an entry has one: "can't hold head up 6
    // months" is not answered by what an entry says of 6 months.
    const about = intent.some((isIntent, g) => !isIntent && known[g]);
    const enough = (m) => m.matched >= needed && (!about || m.matchedAbout > 0);
    const mostCore = matches.reduce((most, m) => Math.max(most, m.matchedCore), 0);
    const partial = mostCore > 0 && !matches.some(enough);
    if (partial) needed = mostCore;
    const scored = [];
    let anyDue = false;
    for (const m of matches) {
      const { n, matched } = m;
      // Partial: the entries with the most of the words the query is about.
      const lostSkill = saysLost(n);
      if (!lostSkill && (partial ? m.matchedCore < needed : !enough(m))) continue;
      let score = 0;
      for (let g = 0; g < groups.length; g += 1) {
        const inField = fieldsOf[g][n];
        if (!inField) continue;
        let best = 0;
        let sum = 0;
        for (let f = 0; f < weights.length; f += 1) {
          if (!(inField & (1 << f))) continue;
          if (weights[f] > best) best = weights[f];
          sum += weights[f];
        }
        // The best field counts; other fields that also match break ties.
        score += rarity[g] * (best + 0.1 * (sum - best));
      }
      // For an older baby than the one the query names: below what concerns that age.
      const from = fromOf(index, n);
      if (Number.isFinite(age) && typeof from === "number" && from > age + 0.5) score *= 0.4;
      score += (namedTerms.has(n) ? 6 : 0) + (namedAsked.has(n) ? 6 : 0);
      const kind = role(n);
      // A sign that starts by the age the query names, or holds at any age, applies to
      // that baby now: above answers written for a younger one ("my 15 month old crawls
      // backwards"), and a sign of any age ("stopped crawling") beside those of one.
      if (kind === "sign" && Number.isFinite(age) && (from === null || from <= age) && !lostNotSaid.has(n)) {
        score *= 1.6;
      }
      // A sign whose age has come by the age the query names (a deadline passed: "still
      // only backwards around one year", for a 14-month-old) answers "is that normal?"
      // for that baby: a question does not put it below the answers, which are written
      // for a younger baby ("Usually, yes, before about one year").
      const due = questioning && kind === "sign" && Number.isFinite(age) && typeof from === "number" && from <= age;
      if (due) anyDue = true;
      if (kind === "sign") score *= namesSign || due ? 1.25 : questioning ? 0.5 : 0.8;
      const raised = kind === "answer" && questioning && !namesSign;
      if (lostSkill) score = 2 * score + 12;
      // Whether the query's words are only in the entry's text, none in a heading.
      const inPassing = !lostSkill && groups.every((_, g) => !(fieldsOf[g][n] & HEADINGS));
      scored.push({ n, score: raised ? score * 1.6 : score, matched, raised, inPassing });
    }
    // With such a sign, an answer to the question is one for a younger baby: below it.
    if (anyDue) for (const result of scored) if (result.raised) result.score *= 0.6 / 1.6;
    const top = topResults(scored, 8);
    // The best entry has the query's words only in passing, in its text ("baby flat
    // head": "feet flat on the floor... head first", an answer about back crawling).
    // And whether it is the sign of a skill lost, for a query that speaks of a loss: the
    // worried parent's card does not go above it (decide).
    const lostFirst = top.length > 0 && lossSpoken && lostRows.has(top[0].n);
    return Object.assign(top, { weak, partial, passing: top.length > 0 && top[0].inPassing, lostFirst });
  }

  // A query's words but a "no longer" word that does not say "no longer" there: Spanish
  // "ya no gatea" (no longer crawls: a skill lost) keeps "ya"; "ya gatea hacia atrás"
  // (already) does not (s42: it brought up "Su bebé pierde una habilidad que ya tenía"
  // first), nor "stopped tummy time" its "stopped" (s45). ``says``: noLongerAt's.
  function meantWords(index, said, says) {
    const { no_longer: noLonger } = intentSets(index);
    return said.filter((word, i) => says[i] || !noLonger.has(fold(word)));
  }

  // The stems of the verbs of stopping ("stopped", "dejó": a "no longer" word that is a
  // negation): "stop", "stops", "stopping" are forms of it.
  const stoppingStems = (index) => (index.crawlStopping ??= (() => {
    const { no_longer: noLonger, negation } = intentSets(index);
    return new Set([...noLonger].filter((word) => negation.has(word)).map(stem));
  })());

  // Which of a query's words (folded) say the baby keeps on doing something: a verb of
  // stopping after a negation, and that negation ("can't stop moving", "won't stop
  // crawling", "hasn't stopped crawling", "no deja de moverse"; s46: "he can't stop
  // moving" was told to call an ambulance, as a baby who stopped moving).
  function keepsOnAt(index, folded) {
    const stops = stoppingStems(index);
    const { negation } = intentSets(index);
    const STOP = stopWords(index);
    const marked = folded.map(() => false);
    folded.forEach((word, i) => {
      if (!stops.has(stem(word))) return;
      let before = i - 1;
      while (before >= 0 && STOP.has(folded[before]) && !negation.has(folded[before])) before -= 1;
      if (before >= 0 && negation.has(folded[before]) && !stops.has(stem(folded[before]))) {
        marked[i] = marked[before] = true;
      }
    });
    return marked;
  }

  // For each of a query's words, whether it says a skill the baby had is gone: a "no
  // longer" word (render/search_words.py) before a negation ("ya no gatea"), or after
  // one, but before a comparison ("doesn't crawl anymore", "no more crawling", "no gatea
  // más"; not "no more than 5 minutes", "no gatea más que hacia atrás": only); or one
  // that is a negation itself, a verb of stopping, with a doing word after it that the
  // handbook's headings name, a skill ("stopped walking", "dejó de caminar"; not
  // "stopped tummy time", a thing the parent did, nor "stopped crying", "stopped
  // eating": no heading names them).
  function noLongerAt(index, said) {
    const { no_longer: noLonger, no_more: noMore, negation, than, compared, past, not_done: notDone } = intentSets(index);
    if (!noLonger.size) return said.map(() => false);
    const STOP = stopWords(index);
    // A past word after a comparison, a stop word between or none ("like she used to",
    // "like before", "como antes") says "no longer" as "anymore" does (s47).
    const asBefore = (i) => past.has(folded[i]) &&
      (compared.has(folded[i - 1]) || (STOP.has(folded[i - 1]) && compared.has(folded[i - 2])));
    const find = (index.crawlSearcher ??= searcher(index));
    const named = (word) => ["k", "t"].some((field) => find.withAll(field, [stem(word)]).length > 0);
    const skill = skillOf(index);
    // A doing word (English "-ing", a Spanish infinitive) that is a skill, or what it does
    // with ("darse la vuelta", rolling over).
    const doing = ([verb = "", what = ""]) => DOING.test(verb) && (skill(verb) || skill(what));
    const folded = said.map(fold);
    const after = (i) => folded.slice(i + 1).filter((w) => !STOP.has(w));
    // What is said no longer done, from its first word: a skill ("crawl"), or a word the
    // headings name and a skill after it ("doesn't want to crawl anymore", "ya no quiere
    // gatear"); not a thing ("no longer hates tummy time", "not interested in tummy
    // time anymore"; s46).
    const gone = ([what = "", next = ""]) => skill(what) || (named(what) && skill(next));
    const keepsOn = keepsOnAt(index, folded);
    const says = (word, i) => {
      if (!(noLonger.has(word) || asBefore(i)) || keepsOn[i]) return -1;
      const next = folded[i + 1] || "";
      // Spanish "ya no": a skill ("ya no gatea"), or, when no word after it is a thing the
      // headings name, whatever it is ("ya no hace lo que hacía"); not a liking of a thing
      // ("ya no le gusta estar boca abajo", s46).
      if (negation.has(next)) {
        const rest = after(i + 1);
        return gone(rest) || !rest.slice(1).some(named) ? i + 1 : -1;
      }
      // A stopping said not to have happened ("hasnt stopped crawling", "no ha dejado de
      // gatear"): the last word before it, stop words aside, says so (s49).
      if (negation.has(word) && notDone.has(folded.slice(0, i).filter((w) => !STOP.has(w) || notDone.has(w)).pop())) return -1;
      if (negation.has(word)) return doing(after(i)) ? i : -1;
      if (than.has(next)) return -1;
      let before = i - 1;
      while (before >= 0 && !(negation.has(folded[before]) && !noLonger.has(folded[before]))) before -= 1;
      if (before < 0) return -1;
      // What is no longer done: named between the negation and this word ("doesn't crawl
      // anymore", "no gatea más"), or after it ("no more crawling", "no longer crawls";
      // not "no more tummy time", "no más tiempo boca abajo", "no longer needs the mat").
      // With nothing between, a word of quantity ("more", "más") says it of a doing word
      // only; "no longer", "not anymore" of a skill ("no longer sits"; not "no longer
      // hates tummy time", s46).
      const between = folded.slice(before + 1, i).filter((w) => !STOP.has(w));
      // Between, the first word is what is not done: a skill ("doesn't crawl anymore"),
      // not a liking ("she doesn't like tummy time anymore", s45b: a skill lost before).
      const done = between.length ? gone(between) : doing(after(i)) || (!noMore.has(word) && gone(after(i)));
      return done ? before : -1;
    };
    return folded.map((word, i) => {
      const at = says(word, i);
      return at >= 0 && !takenOver(index, folded, at);
    });
  }

  // Whether a skill said gone after ``at`` (a negation) was followed by a later one the
  // query says begun ("stopped crawling and started walking", "dejó de gatear y ahora
  // camina"): walking has taken over, no skill is lost (RCN). Later: among entries of
  // one kind with no role (the milestones), those with the word in their title begin
  // at an older age; the later skill may be named by their keywords too ("stopped
  // crawling to stand up": standing is a keyword of "Crawls confidently or starts
  // pulling up", s52). "Stopped walking, now only crawls" is still a skill lost.
  function takenOver(index, folded, at) {
    const { started, negation, no_longer: noLonger } = intentSets(index);
    const STOP = stopWords(index);
    const find = (index.crawlSearcher ??= searcher(index));
    const role = rolesOf(index);
    // Per kind, the youngest age its entries with the word in these fields begin at.
    const skillAges = (fields) => (word) => {
      const ages = new Map();
      for (const n of new Set(fields.flatMap((field) => find.withAll(field, [stem(word)])))) {
        const from = fromOf(index, n);
        if (role(n) || typeof from !== "number") continue;
        const kind = kindOf(index, n);
        ages.set(kind, Math.min(from, ages.get(kind) ?? from));
      }
      return ages;
    };
    // The first of the next three words that names a skill. Not a word of "no longer"
    // ("dejó de gatear porque ya camina": "ya", already, is in a tip's title, s52).
    const firstSkill = (from, fields) => folded.slice(from)
      .filter((w) => !STOP.has(w) && !negation.has(w) && !noLonger.has(w))
      .slice(0, 3).map(skillAges(fields)).find((ages) => ages.size > 0);
    const gone = firstSkill(at + 1, ["t"]);
    if (!gone) return false;
    return folded.some((w, j) => j > at && started.has(w) &&
      [...(firstSkill(j + 1, ["t", "k"]) || new Map())].some(([kind, from]) => gone.has(kind) && from > gone.get(kind)));
  }

  // Whether a word names a skill (a factory: the words of the index as they are now).
  function skillOf(index) {
    // A skill: a word of the title of an entry of a kind that requires an age (a
    // milestone: "Rolls over", "Walks alone"; the index's ``skills``), a doing word of a
    // sign's title ("no interest in standing", "sin interés en ponerse de pie"), or of
    // the keywords of a sign of a skill lost ("stopped babbling"). Not any word of
    // any heading, whose stems other words share (s45b: "dejó de comer" was read as a
    // skill lost by the "cómo" of the questions' keywords, "dejó de llorar" by a tip's
    // "llora"), nor a tip's title, what a parent does (s46: "doesn't want tummy time
    // anymore", "ya no le gusta estar boca abajo" were read as a skill lost, by the tip
    // "Short, frequent tummy time").
    const isSkill = skillKinds(index);
    const role = rolesOf(index);
    const lostSigns = skillLostSigns(index);
    // The word as typed must be a form of the heading's word, not only share its stem:
    // one begins the other ("crawl", "crawling"; "gatear", "gatea"), one is the stem and
    // a letter ("walks", "walking"), or they share more than the stem ("comer" and the
    // "comando" of a belly crawl's title share "com" only). Where the stemmer leaves
    // them apart (the search's English one, on a page without a stemmer for its
    // language: "caminar", "camina"), one beginning the other, of five letters or
    // more, is a form too.
    const formOf = (typed, root) => (word) => {
      const begins = word.startsWith(typed) || typed.startsWith(word);
      const shorter = Math.min(word.length, typed.length);
      if (stem(word) !== root) return begins && shorter >= 5;
      return begins || shorter <= root.length + 1 || word.slice(0, root.length + 1) === typed.slice(0, root.length + 1);
    };
    const skill = (word) => {
      const typed = fold(word);
      const root = stem(word);
      const inField = (field, holds) => Object.keys(index.words[field] || {}).filter(formOf(typed, root))
        .some((form) => entriesOf(index.words[field][form]).some((n) => holds(n, form)));
      return inField("t", (n, form) => isSkill(n) || (role(n) === "sign" && DOING.test(form)))
        || inField("k", (n) => lostSigns.has(n));
    };
    return skill;
  }

  // A doing word: English "-ing", a Spanish infinitive ("gatear", "ponerse").
  const DOING = /(?:ing|[aei]r(?:se|lo|la|le)?)$/;

  // Whether an entry is of a kind whose titles name skills (the index's ``skills``: the
  // kinds that require an age, milestones).
  const skillKinds = (index) => {
    const kinds = (index.crawlSkillKinds ??= new Set((index.skills || []).map(String)));
    return (n) => kinds.has(String(kindOf(index, n)));
  };

  // Whether a query speaks of a loss: a word or phrase of the intent "loss" among its words,
  // but not in a phrase of a topic the handbook does not cover ("lost weight" is
  // feeding's, "lost my temper" the parent's own health: no skill lost).
  function speaksOfLoss(index, queryWords) {
    let said = ` ${queryWords.map(fold).join(" ")} `;
    for (const phrase of topicPhrases(index)) if (said.includes(phrase)) said = said.split(phrase).join(" ");
    return [...intentSets(index).loss].some((phrase) => said.includes(` ${phrase} `));
  }
  // The phrases of more than one word that name the topics not covered, spaced.
  const topicPhrases = (index) => (index.crawlTopicPhrases ??= Object.entries(index.out_of_scope || {})
    .flatMap(([topic, answer]) => [topic, ...(answer.words || [])])
    .map((phrase) => words(phrase).map(fold)).filter((said) => said.length > 1).map((said) => ` ${said.join(" ")} `));

  // The signs of a skill lost: those with a verb of stopping ("stopped", "dejó": a "no
  // longer" word that is a negation) in their keywords.
  function skillLostSigns(index) {
    const { no_longer: noLonger, negation } = intentSets(index);
    const find = (index.crawlSearcher ??= searcher(index));
    const role = rolesOf(index);
    const stops = [...noLonger].filter((word) => negation.has(word));
    return new Set(stops.flatMap((word) => find.withAll("k", [stem(word)])).filter((n) => role(n) === "sign"));
  }

  // The best ``count`` by score; equal scores in the handbook's own order (by page,
  // then place on the page), which needs no entry's title: a split index ranks before
  // it loads any row.
  function topResults(results, count) {
    const before = (a, b) => b.score - a.score || a.n - b.n;
    const best = [];
    for (const result of results) {
      if (best.length === count && before(result, best[count - 1]) >= 0) continue;
      let at = best.length;
      while (at > 0 && before(result, best[at - 1]) < 0) at -= 1;
      best.splice(at, 0, result);
      if (best.length > count) best.pop();
    }
    return best;
  }

  // The excerpt under a result, read from the entry on its own page: one request per
  // page of the results shown (as Sphinx's search reads its summaries). From file://
  // pages cannot be fetched, and results show without an excerpt.
  function fillExcerpts(root, wanted, chars) {
    const byPage = new Map();
    wanted.forEach((item) => {
      if (!byPage.has(item.page)) byPage.set(item.page, []);
      byPage.get(item.page).push(item);
    });
    byPage.forEach((items, page) => {
      fetch(root + page)
        .then((response) => (response.ok ? response.text() : ""))
        .then((html) => {
          const doc = new DOMParser().parseFromString(html, "text/html");
          items.forEach(({ hash, node }) => {
            const entry = hash && doc.getElementById(hash);
            const body = entry && (entry.querySelector(".crawl-entry-body") || entry);
            const text = body ? body.textContent.replace(/\s+/g, " ").trim() : "";
            // Cut as core/entries.excerpt cuts a card's text, at the same length.
            node.textContent = text.length > chars
              ? text.slice(0, chars).replace(/\s+\S*$/, "") + "\u2026" : text;
          });
        })
        .catch(() => {});
    });
  }

  /* ---- Before any result: an emergency, an illness, a worry not covered ---- */
  // The endings that make a topic's word another form of itself, in either edition.
  const TOPIC_ENDINGS = new Set(["s", "es", "ed", "d", "ing", "er", "ers"]);
  // Notices that say to call now: an emergency, and a fever under 3 months (the doctor).
  const URGENT_NOW = new Set(["emergency", "fever"]);
  // What the query asks that the handbook cannot answer, most pressing first.
  function triage(index, query, results) {
    const asTyped = query;
    query = spacedOut(index, query);
    const asked = forms(withoutHarmless(index, query));
    const emergency = index.emergency || {};
    // A word of the handbook, or of a notice's phrases, is itself, not another's typo:
    // "hitting his head" (an injury) is no "fitting" (a fit, an emergency).
    const handbook = (index.crawlSearcher ??= searcher(index)).stems();
    const claimed = claimedWords(index);
    const stop = (index.crawlStop ??= new Set((index.stop || []).map(fold)));
    const { between } = intentSets(index);
    const vocabulary = { has: (word) => handbook.has(word) || claimed.has(word),
      between: (word) => stop.has(word) || between.has(word) };
    // (Read in another text where one is given: notMoving's, without some words.)
    const names = (phrases, text) => {
      const read = text === undefined ? asked : forms(withoutHarmless(index, text));
      return (phrases || []).some((phrase) => namesPhrase(read, phrase, vocabulary));
    };
    // A sign or an illness named only as a question asks about crawling (onlyAsked).
    const namesNow = (phrases) => names(phrases) &&
      !(results.length && !results.weak && !results.partial && onlyAsked(index, query, asked, vocabulary, phrases));
    // A topic is named by its words as typed, or with an ending that makes a plural or a
    // tense of them ("hip clicks", "thigh creases"), not by their stems nor a typo: a
    // note that the handbook does not cover something, and the worried parent's card
    // first, misled where a word of the query was one letter or one stem from a topic's
    // (s48, a scan of 25,000 common words in each language: "eight month old crawling
    // backwards" got the notes on weight and eyesight, "crawls to one side" sleep's
    // ("side" and "sids" share a stem), "cómo ayudo a mi bebé a gatear" feeding's
    // ("cómo", "comer"), "se siente mal" sitting's ("siente", "sienta")). Read past the
    // harmless phrases ("baby sitting" is no fitting), and also as typed, whole: those
    // keep "fell asleep" from reading as a fall, not from naming sleep ("baby fell
    // asleep during tummy time" got no note, so not the sleep rule).
    const unharmed = words(withoutHarmless(index, asTyped));
    const saysTopicWord = (word) => unharmed.some((typed) => typed === word ||
      (typed.startsWith(word) && TOPIC_ENDINGS.has(typed.slice(word.length))));
    const spoken = ` ${words(asTyped).map(fold).join(" ")} `;
    const namesTopic = (phrase) => {
      const said = formsOfPhrase(phrase).map(([word]) => word);
      return said.length > 0 && (spoken.includes(` ${said.join(" ")} `) ||
        (!phrase.trimStart().startsWith('"') && said.every(saysTopicWord)));
    };
    const topics = Object.entries(index.out_of_scope || {})
      .filter(([topic, answer]) => [topic, ...(answer.words || [])].some(namesTopic))
      .map(([, answer]) => answer);
    // (Whose colour it is, read in the query as typed: "blue car seat" is a seat's, though
    // "car seat" is a harmless phrase.)
    const signs = ofTheBaby(index, forms(query), vocabulary, unexplained(index, asked, emergency));
    const urgent = namesNow(signs) || runTogether(query, emergency.signs, handbook) ||
      youngAndWorried(index, query) || notMoving(index, query, names) ? "emergency"
      : youngFever(index, query, names) ? "fever"
      : namesNow(emergency.unwell) || names(emergency.fever) || babysTemperature(index, query) ? "unwell" : "";
    // A child older than every entry's age ("my 4 year old can't crawl"): the handbook
    // does not cover this child; where to get help comes first.
    const oldest = (emergency.ages_months || [])[1];
    const beyond = !urgent && Number.isFinite(oldest) && queryAge(index, query) > oldest;
    return {
      urgent,
      beyond,
      // Beside a call for an ambulance or the doctor now, a note that the handbook does
      // not cover sleep or feeding only distracts ("fell off the bed, now sleepy").
      topics: URGENT_NOW.has(urgent) ? [] : topics,
      // Not covered, or nothing matched well: the worried parent's entry comes first
      // (unless the notice above already sent the parent to help of another kind).
      concern: !urgent && (beyond || topics.length > 0 || results.weak === true || results.partial === true ||
        !results.length),
    };
  }

  // The emergency signs, but those an injury the query names word for word explains:
  // "morado" (purple) in "tiene un ojo morado" (a black eye), "blue" in "black and
  // blue", "knocked out" in "tooth knocked out" are the illness notice's. An injury
  // phrase of two words or more, each typed as it is (accents folded, no stem or typo:
  // "ojos morados" is its own phrase), holding every word of the sign but stop words.
  function unexplained(index, asked, emergency) {
    const typed = new Set(asked.map(([word]) => word));
    const stop = (index.crawlStop ??= new Set((index.stop || []).map(fold)));
    const injuries = (emergency.unwell || []).map((phrase) => words(phrase).map(fold))
      .filter((said) => said.length > 1 && said.every((word) => typed.has(word)));
    if (!injuries.length) return emergency.signs;
    return (emergency.signs || []).filter((sign) => {
      const own = words(sign).map(fold).filter((word) => !stop.has(word));
      return !own.length || !injuries.some((said) => own.every((word) => said.some((it) => it === word || stem(it) === stem(word))));
    });
  }

  // The emergency signs, but those whose colour the query says only of a thing: "baby
  // blue onesie", "purple skin cream", "juguete morado" (s42: told to call an ambulance
  // before). A colour is the baby's when said of the baby, its skin or body ("my baby is
  // blue", "lips turning blue", "blue and floppy", "bebé morado", "labios morados").
  // English puts a colour before its noun ("colours"): the word after it says whose it is;
  // Spanish, French and Portuguese after it ("colours_after"): the word before.
  function ofTheBaby(index, asked, vocabulary, signs) {
    const sets = intentSets(index);
    const { colours_after: after } = sets;
    const coloured = colourSigns(index, sets);
    if (!coloured.size) return signs;
    const said = asked.map(([word]) => word);
    const found = new Map();
    const babys = (form) => {
      const [colour] = form;
      if (!found.has(colour)) {
        found.set(colour, asked.some((pair, i) => saysWord(pair, form, vocabulary) &&
          !(after.has(colour) ? thingBefore(sets, said, i) : thingAfter(index, sets, said, i, vocabulary))));
      }
      return found.get(colour);
    };
    return (signs || []).filter((sign) => !coloured.has(sign) || coloured.get(sign).every(babys));
  }
  // The signs with a colour in them ("blue", "labios morados"), each with the forms of its
  // colours, worked out once for the signs the index has (and again when other
  // languages' are added).
  function colourSigns(index, { colours, colours_after: after }) {
    const signs = (index.emergency || {}).signs || [];
    if (index.crawlColourSigns?.signs !== signs) {
      const found = new Map();
      signs.forEach((sign) => {
        const colour = forms(sign).filter(([word]) => colours.has(word) || after.has(word));
        if (colour.length) found.set(sign, colour);
      });
      index.crawlColourSigns = { signs, found };
    }
    return index.crawlColourSigns.found;
  }
  // Whether the colour at ``i`` (said before its noun) is a thing's: "blue onesie", "purple
  // skin cream", "the mat is blue"; not "blue lips", "turned blue", "my baby is blue",
  // "blue and floppy", "blue!".
  function thingAfter(index, sets, said, i, vocabulary) {
    const before = said[i - 1];
    if (sets.colour_turns.has(before)) return false;
    // (A thing named at once before "is" says what is: "the mat is blue", "his onesie is
    // blue"; a word of neither the handbook nor the things' may be the baby's name: "Noah
    // is blue".)
    if (sets.colour_is.has(before)) {
      const what = said[i - 2];
      return i > 1 && colourWord(index, sets, what, vocabulary) === "thing" &&
        (sets.colour_things.has(what) || vocabulary.has(stem(what)));
    }
    let j = i + 1;
    const shade = (word) => sets.colour_shades.has(word) || sets.colours.has(word);
    while (j < said.length && (shade(said[j]) || (AND.has(said[j]) && shade(said[j + 1])))) j += 1;
    if (j >= said.length) return false;
    const next = colourWord(index, sets, said[j], vocabulary);
    // A body word is the baby's, but for a product of it ("skin cream", "lip balm").
    return next === "thing" || (next === "body" && sets.colour_things.has(said[j + 1]));
  }
  const AND = new Set(["and", "or", "y", "o", "e", "ou"]);
  // Whether the colour at ``i`` (said after its noun) is a thing's: "pijama azul",
  // "juguete de color morado"; not "bebé morado", "labios morados", "se puso morado".
  function thingBefore(sets, said, i) {
    let j = i - 1;
    while (j >= 0 && (sets.colour_shades.has(said[j]) || sets.colour_links.has(said[j]))) j -= 1;
    return j >= 0 && sets.colour_things.has(said[j]);
  }
  // What a word beside a colour is: the baby or its body ("body"), a word that names no
  // thing ("link": a stop or intent word, a number, a verb's "-ing" or "-ed", "and",
  // "floppy"), or a thing ("thing": any other word: "onesie", "mat", "eyes").
  function colourWord(index, sets, word, vocabulary) {
    if (word === undefined) return "link";
    if (sets.colour_things.has(word)) return "thing";
    const body = sets.colour_of;
    if (body.has(word) || ((sets.crawlBody ??= [...body].filter((part) => part.length >= 4))
      .some((part) => editDistance(word, part, 1) <= 1) &&
        !vocabulary.has(stem(word)) && !sets.colour_things.has(word))) return "body";
    const stop = (index.crawlStop ??= new Set((index.stop || []).map(fold)));
    const intent = ["colour_links", "colours", "colour_shades", "colour_is", "colour_turns", "negation", "alarm",
      "amiss", "vague", "worry", "question", "age", "duration", "under"];
    // (Not a number in words: "the blue one" is a thing.)
    if (stop.has(word) || intent.some((key) => sets[key].has(word))) return "link";
    return /^\d|.{3}(?:ing|ed|ando|iendo)$/.test(word) ? "link" : "thing";
  }

  // A baby who is not moving, said and nothing more ("my baby is not moving", "baby
  // stopped moving", "mi bebé no se mueve", "newborn not moving", "cold and not moving"):
  // a baby who may have become unresponsive (the HSE), an emergency. Not when the query
  // also names what the handbook is about ("not moving forward", "not moving her arms",
  // "no se mueve hacia adelante": a word of an entry's keywords, title or tags), or gives
  // the age of a baby the handbook is about ("my 8 month old is not moving").
  function notMoving(index, query, names) {
    const { still, ages_months: [youngest, oldest] = [] } = index.emergency || {};
    if (!still || !names(still.phrases)) return false;
    // A baby who can't stop moving keeps moving (keepsOnAt; s46): read without those words.
    const said = words(query);
    const keepsOn = keepsOnAt(index, said.map(fold));
    if (keepsOn.some(Boolean)) {
      const rest = said.filter((_, i) => !keepsOn[i]).join(" ");
      return rest !== said.join(" ") && notMoving(index, rest, (phrases) => names(phrases, rest));
    }
    const age = queryAge(index, query);
    if (Number.isFinite(youngest) && age >= youngest && age <= oldest) return false;
    // Each list's words, as typed (accents folded) and by stem; a newborn's ("recién
    // nacido") as typed.
    const [phrased, progress, neutral, newborn] = (index.crawlStill ??= [still.phrases, still.progress,
      still.neutral, [...intentSets(index).newborn]].map(wordsOf));
    const isIn = (set, folded, root) => set.has(folded) || set.has(root);
    if (words(query).some((word) => isIn(progress, fold(word), stem(word)))) return false;
    return !namesTopic(index, query, (folded, root) =>
      isIn(phrased, folded, root) || isIn(neutral, folded, root) || newborn.has(folded));
  }
  // The words of phrases, as typed (accents folded) and by stem.
  const wordsOf = (list) => new Set((list || []).flatMap((phrase) => forms(phrase).flat()));

  // Whether a word of the query, besides stop words, intent words, numbers and those
  // ``skipped`` (folded, stem), is in an entry's keywords, title or tags: the query names
  // what the handbook is about.
  function namesTopic(index, query, skipped) {
    const sets = intentSets(index);
    const stop = (index.crawlStop ??= new Set((index.stop || []).map(fold)));
    const find = (index.crawlSearcher ??= searcher(index));
    const noTopic = ["vague", "amiss", "alarm", "negation", "worry", "question", "age"];
    return words(query).some((word) => {
      const [folded, root] = [fold(word), stem(word)];
      if (stop.has(folded) || /^\d/.test(folded) || skipped(folded, root)) return false;
      if (noTopic.some((key) => sets[key].has(folded)) || numberWords(index).has(folded)) return false;
      return ["k", "t", "g"].some((field) => find.withAll(field, [root]).length > 0);
    });
  }

  // A question about what the handbook covers that names an emergency or an illness only
  // in words of asking ("is crawling backwards an emergency?", "will my baby die if he
  // doesn't crawl", "should I go to hospital because he crawls backwards", "es una
  // emergencia que gatee hacia atrás"), and that the handbook's entries answer well
  // (triage): the answer, not a call for an ambulance. A sign in the baby ("is it an
  // emergency if he is not breathing") still is one.
  function onlyAsked(index, query, asked, vocabulary, phrases) {
    const { asking } = index.emergency || {};
    const sets = intentSets(index);
    const first = fold(words(query)[0] || "");
    if (!asking) return false;
    const meta = (index.crawlAsking ??= wordsOf(asking));
    // A question as a phone types it, without its marks: one that starts with a word of
    // asking that is no sign's ("llamo al 112 porque gatea hacia atrás", s53: told to call
    // now; not "dying", a sign too).
    const asksFirst = meta.has(stem(first)) &&
      !(index.emergency.signs || []).some((phrase) => forms(phrase).some(([, root]) => root === stem(first)));
    if (!(sets.question.has(first) || /[?\u00bf]/.test(query) || asksFirst)) return false;
    const stop = (index.crawlStop ??= new Set((index.stop || []).map(fold)));
    const found = (phrases || []).filter((phrase) => namesPhrase(asked, phrase, vocabulary));
    return found.length > 0 &&
      found.every((phrase) => forms(phrase).every(([word, root]) =>
        meta.has(word) || meta.has(root) || stop.has(word) || sets.vague.has(word))) &&
      namesTopic(index, query, (folded, root) => meta.has(folded) || meta.has(root));
  }

  // A temperature (saysTemperature) that is the baby's, not the bath's or the room's.
  function babysTemperature(index, query) {
    const { surroundings, bath } = intentSets(index);
    return saysTemperature(index, query) &&
      !words(query).some((word) => surroundings.has(fold(word)) || bath.has(fold(word)));
  }

  // A query typed with its words run together ("babyhasfever", "mybabyhasaseizure",
  // "babyfelloffbed", "mibebenorespira"): each long word of no entry (11 letters or
  // more) that splits wholly into words the search knows (stop words, intent words, the
  // notices' words, the handbook's words loaded), in as few as can be, is read split
  // too.
  function spacedOut(index, query) {
    const known = (index.crawlKnown ??= new Set([
      ...(index.stop || []), ...Object.values(index.intent || {}).flat(),
      ...claimedWords(index), ...[...claimedWords(index)].map(fold),
    ].flatMap((phrase) => words(String(phrase).split(":")[0])).map(fold)));
    const handbook = (index.crawlSearcher ??= searcher(index)).stems();
    const isWord = (piece) => known.has(piece) || handbook.has(stem(piece)) || known.has(stem(piece));
    const claimed = claimedWords(index);
    const few = shortKnown(index);
    const isFew = (piece) => few.has(piece) || few.has(stem(piece));
    const split = new Map();
    // A harmless word is itself, never words run together (s43: "típico" is no "ti
    // picó"); loaded, with the harmless phrases, for a query that would get a notice.
    const whole = harmlessWords(index);
    words(query).map(fold).forEach((word) => {
      if (word.length < SHORT_RUN || handbook.has(stem(word)) || whole.has(word)) return;
      const long = word.length >= 11;
      if (!long && (few.has(word) || claimed.has(stem(word)))) return;
      const pieces = fewestWords(word, long ? isWord : isFew);
      if (pieces.length < 2 || (!long && !shortSplit(pieces, noticePhrases(index)))) return;
      split.set(word, { pieces: pieces.join(" "), long });
    });
    if (!split.size) return query;
    // The words split follow each long word run together (which runTogether reads), or
    // stand for a short one, where it was typed (the query's numbers keep their points:
    // "38.5"): a notice reads the words beside them ("babyblue onesie", "isblue").
    const placed = new Set();
    const spaced = query.replace(/[\p{L}\p{N}'\u2019]+/gu, (token) => {
      const word = words(token).map(fold).join("");
      if (!split.has(word)) return token;
      placed.add(word);
      const { pieces, long } = split.get(word);
      return long ? `${token} ${pieces}` : pieces;
    });
    const rest = [...split].filter(([word]) => !placed.has(word)).map(([, { pieces }]) => pieces);
    return rest.length ? `${spaced} ${rest.join(" ")}` : spaced;
  }
  // The harmless phrases of one word, accents folded (none until a split index loads them).
  function harmlessWords(index) {
    const harmless = (index.intent || {}).harmless || [];
    if (index.crawlHarmlessWords?.harmless !== harmless) {
      index.crawlHarmlessWords = { harmless, words: new Set(harmless.filter((phrase) => !/\s/.test(phrase)).map(fold)) };
    }
    return index.crawlHarmlessWords.words;
  }
  // A word run together as the fewest words ``isWord`` knows ("baby is blue"), or [].
  function fewestWords(word, isWord) {
    // best[i]: the fewest words that make the first i letters, and where the last began.
    const best = [{ count: 0, from: 0 }];
    for (let end = 1; end <= word.length; end += 1) {
      for (let start = Math.max(0, end - 16); start < end; start += 1) {
        if (!best[start] || !isWord(word.slice(start, end))) continue;
        const count = best[start].count + 1;
        if (!best[end] || count < best[end].count) best[end] = { count, from: start };
      }
    }
    if (!best[word.length]) return [];
    const pieces = [];
    for (let end = word.length; end > 0; end = best[end].from) pieces.unshift(word.slice(best[end].from, end));
    return pieces;
  }
  // Shorter words run together ("babyisblue", "bluelips": SHORT_RUN letters to 10) split
  // only into stop and intent words and the notices' words: not the handbook's, nor the
  // harmless phrases', which a split index loads for some queries only (the same query
  // reads the same split in every index).
  const SHORT_RUN = 6;
  function shortKnown(index) {
    const claimed = claimedWords(index);
    if (index.crawlShortKnown?.claimed !== claimed) {
      const intent = Object.entries(index.intent || {}).filter(([key]) => key !== "harmless").flatMap(([, list]) => list);
      const known = [...(index.stop || []), ...intent, ...claimed, ...[...claimed].map(fold)];
      index.crawlShortKnown = { claimed, words: new Set(known.flatMap((phrase) => words(String(phrase).split(":")[0])).map(fold)) };
    }
    return index.crawlShortKnown.words;
  }

  // An emergency typed with its words run together ("babynotbreathing") or spelt out
  // letter by letter ("N.O.T B.R.E.A.T.H.I.N.G"): a long word of no entry that holds a
  // phrase's words, run together, of 9 letters or more.
  function runTogether(query, phrases, handbook) {
    const long = words(query).map(fold).join(" ").replace(/\b\p{L}(?: \p{L}\b)+/gu, (run) => run.replace(/ /g, ""))
      .split(" ").filter((word) => word.length >= 12 && !handbook.has(stem(word)));
    if (!long.length) return false;
    return (phrases || []).some((phrase) => {
      const glued = words(phrase).map(fold).join("");
      return glued.length >= 9 && long.some((word) => word.includes(glued));
    });
  }

  // The query without phrases whose words name no illness or injury ("fell asleep"),
  // from the index's intent words.
  // A query that names the surroundings (a room, a floor, the weather) says "hot" or
  // "temperature" of them, not of the baby ("temperature of the floor"): those words go.
  function withoutHarmless(index, query) {
    let text = ` ${words(query).map(fold).join(" ")} `;
    // Each phrase as its words, worked out once for the phrases the index has.
    const harmless = (index.intent || {}).harmless || [];
    if (index.crawlHarmless?.harmless !== harmless) {
      index.crawlHarmless = { harmless, spaced: harmless.map((phrase) => ` ${words(phrase).map(fold).join(" ")} `) };
    }
    index.crawlHarmless.spaced.forEach((phrase) => {
      if (text.includes(phrase)) text = text.split(phrase).join(" ");
    });
    const { heat, surroundings, spilled } = intentSets(index);
    const said = text.split(" ").filter(Boolean);
    // (Heat said with a spill is a scald: "spilled hot water on baby".)
    if (said.some((word) => surroundings.has(word)) && !said.some((word) => spilled.has(word))) {
      text = ` ${said.filter((word) => !heat.has(word)).join(" ")} `;
    }
    return text;
  }

  // The stems of a query that name an emergency, an illness or a topic not covered:
  // never "corrected" into a word of the handbook ("fever" is not "never").
  function claimedStems(index, query) {
    const claimed = claimedWords(index);
    return new Set(words(query).map(stem).filter((w) => claimed.has(w)));
  }
  // Whether a short word's pieces ("baby is blue", "no breath", "bluelips") are read split:
  // they name an emergency or illness phrase word for word (no stem, no typo: "befits"
  // is no "fit"), one of its words of 4 letters or more and not a stop or intent word
  // ("babyoutfit": "fit", "baby"); every other piece is a stop or intent word ("fallback",
  // "deadlock", "handshake" stay whole); none is a letter ("asleep": "a sleep") nor a
  // word's ending ("le fallan": "fall an").
  function shortSplit(pieces, { phrases, plain }) {
    if (pieces.some((piece) => piece.length < 2) || pieces[pieces.length - 1].length < 3) return false;
    const typed = new Set(pieces);
    const named = phrases.filter((phrase) => phrase.every((word) => typed.has(word)) &&
      phrase.some((word) => word.length >= 4 && !plain.has(word)));
    return named.length > 0 && pieces.every((piece) => plain.has(piece) || named.some((phrase) => phrase.includes(piece)));
  }
  // The emergency and illness notices' phrases (the signs, the illness and fever words),
  // each as its words (accents folded); and the plain words beside them: stop and intent
  // words, and the baby's and the verbs said before a colour ("baby", "hes", "lips",
  // "is", "went"; in every edition: "babyisblue" in the Spanish one), but for a word that
  // is a phrase alone ("rash"). Kept while the words the notices read stay the same.
  function noticePhrases(index) {
    const claimed = claimedWords(index);
    if (index.crawlNotice?.claimed !== claimed) {
      const { signs = [], unwell = [], fever = [] } = index.emergency || {};
      const phrases = [...signs, ...unwell, ...fever].map((phrase) => words(phrase).map(fold));
      const alone = new Set(phrases.filter((phrase) => phrase.length === 1).flat());
      const intent = Object.entries(index.intent || {})
        .filter(([key]) => !["harmless", "between", "than"].includes(key) && !key.startsWith("colour"));
      const plain = new Set([...(index.stop || []), ...intent.flatMap(([, list]) => list)].map(fold));
      const { colour_of: body, colour_is: is, colour_turns: turns } = intentSets(index);
      [...body, ...is, ...turns].forEach((word) => { if (!alone.has(word)) plain.add(word); });
      index.crawlNotice = { claimed, phrases, plain };
    }
    return index.crawlNotice;
  }
  // The stems of the words of every notice's phrases and every topic not covered.
  const claimedWords = (index) => (index.crawlClaimed ??= new Set([
    ...((index.emergency || {}).signs || []), ...((index.emergency || {}).unwell || []),
    ...((index.emergency || {}).fever || []),
    ...Object.entries(index.out_of_scope || {}).flatMap(([topic, answer]) => [topic, ...(answer.words || [])]),
  ].flatMap((phrase) => words(phrase).map(stem))));


  // "Call {numbers} now." with each number a tel: link a phone can call from.
  function withNumbers(template, emergency) {
    const node = el("span");
    if (!template.includes("{numbers}")) return ours(Object.assign(node, { textContent: template }));
    const [before, after = ""] = template.split("{numbers}");
    // Our words in spans of their own (marked English where they are): not the places.
    const part = (text) => (ownLang() && /\S/.test(text) ? ours(el("span", "", text)) : document.createTextNode(text));
    node.appendChild(part(before));
    (emergency.numbers || []).forEach(([where, number], i, all) => {
      if (i > 0) node.appendChild(i === all.length - 1 ? part(` ${emergency.texts.or} `) : document.createTextNode(", "));
      const [pre, post = ""] = emergency.texts.number.split("{number}");
      node.appendChild(document.createTextNode(pre));
      const call = node.appendChild(el("a", "", number));
      call.href = `tel:${number.replace(/ /g, "")}`;
      node.appendChild(document.createTextNode(post.replace("{where}", where)));
    });
    node.appendChild(part(after));
    return node;
  }

  // A notice's words and how it is announced: an emergency and a fever under 3 months
  // say to call now, in words (not by colour alone), and are announced at once; an
  // illness note is read in its turn.
  function noticeOf(index, kind) {
    const { texts } = index.emergency;
    const [heading, body] = kind === "emergency" ? [texts.notice_heading, texts.notice]
      : kind === "fever" ? [texts.fever_heading, texts.fever] : [texts.unwell_heading, texts.unwell];
    return { heading, body, role: URGENT_NOW.has(kind) ? "alert" : "note" };
  }

  function emergencyNotice(index, root, kind) {
    const emergency = index.emergency;
    const texts = emergency.texts;
    const { heading: first, body, role } = noticeOf(index, kind);
    // The fever notice is drawn as the illness one (crawl.css), its words more urgent.
    const note = el("div", kind === "fever" ? "crawl-search-unwell crawl-search-fever" : `crawl-search-${kind}`);
    note.setAttribute("role", role);
    const heading = note.appendChild(el(kind === "emergency" ? "h2" : "p", "crawl-search-notice-heading"));
    heading.appendChild(el("strong")).appendChild(withNumbers(first, emergency));
    note.appendChild(el("p")).appendChild(withNumbers(body, emergency));
    if (emergency.page) {
      const link = ours(el("a", "", texts.page));
      link.href = root + emergency.page;
      note.appendChild(el("p")).appendChild(link);
    }
    return note;
  }

  // What the search shows for a query: the ranked entries, what comes before them,
  // and the list (with the worried-parent card where a worry needs it).
  function decide(index, query, ranked = rankEntries(index, query)) {
    const needs = triage(index, query, ranked);
    let results = [...ranked];
    const concern = index.concern && Number.isInteger(index.concern.row) ? index.concern.row : -1;
    if (concern >= 0 && !needs.urgent && (needs.beyond || vagueWorry(index, query))) {
      // A worry that names nothing the handbook is about ("my baby is not ok", "algo le
      // pasa a mi bebé"), or a child older than all it is about: where to get help
      // first, not an answer that happens to share a word ("Is it OK?": "Usually, yes").
      results = [{ n: concern }, ...results.filter((r) => r.n !== concern)].slice(0, 8);
    } else if (needs.concern && concern >= 0) {
      // First when nothing matched well, or a topic not covered matched only in part
      // ("hip clicks": a tip with "click" in its text); second behind a good answer to
      // the part of the question the handbook does cover ("is crawling backwards a sign
      // of autism").
      // So when the best entry has the words only in passing in its text (s45: "baby
      // flat head" got "Usually, yes", an answer about back crawling, first).
      // Never above the sign of a skill lost, for a query that speaks of one: it says to
      // get help today, the card to book an appointment (s49: "he lost the ability to
      // sit", where sitting up is a topic not covered, had the card first).
      const first = !ranked.lostFirst &&
        (ranked.weak || !ranked.length || (ranked.partial && needs.topics.length > 0) || ranked.passing);
      results = results.filter((r) => r.n !== concern);
      results.splice(first ? 0 : Math.min(1, results.length), 0, { n: concern });
      results = results.slice(0, 8);
    } else if (concern >= 0 && !needs.urgent && (isWorry(index, query) || vagueWorry(index, query, "worry")) &&
               !results.slice(0, 3).some(({ n }) => n === concern)) {
      // A worry ("not", "worried"): where to get help is among the first three, whatever
      // else matched ("not walking at 18 months" matches the walking window too). So for
      // a question whether the baby is normal that names nothing else ("is my baby
      // normal": s43, the first three were all about crawling, "Usually, yes").
      results = results.filter((r) => r.n !== concern);
      results.splice(Math.min(2, results.length), 0, { n: concern });
      results = results.slice(0, 8);
    }
    return { ranked, needs, results };
  }

  // Whether the query says a worry, not a question, and every word of it is a stop
  // word, an intent word (a worry, an age, a negation) or a word of no topic ("baby",
  // "ok", "algo"), and one says something is amiss ("not", "wrong", "worried", "pasa";
  // not "normal": "is my baby normal" asks, it does not say something is wrong).
  // (``asks`` "worry": a question whose words are such words, one of them a worry's:
  // "is my baby normal", "mi bebé es normal".)
  function vagueWorry(index, query, asks = "", skip = new Set()) {
    const sets = intentSets(index);
    const all = words(query).map(fold);
    // A question ("should I worry?") is answered by the entry written for it.
    if (!asks && sets.question.has(all[0])) return false;
    const stop = (index.crawlStop ??= new Set((index.stop || []).map(fold)));
    const said = all.filter((w) => !stop.has(w) && !skip.has(w));
    const amiss = (w) => sets.amiss.has(w) || sets.negation.has(w) || sets.alarm.has(w);
    const noTopic = (w) => amiss(w) || sets.vague.has(w) || sets.worry.has(w) ||
      sets.question.has(w) || sets.age.has(w) || /^\d+$/.test(w);
    return said.length > 0 && said.every(noTopic) && said.some(asks ? (w) => sets[asks].has(w) : amiss);
  }

  // A split index's parts, each loaded once, as a script (which works from file:// too),
  // at high priority: a script added by a script is fetched at low priority, after
  // the page's own.
  const loading = new Map();
  function loadParts(index, root, names) {
    return Promise.all(names.map((name) => {
      if (!loading.has(name)) {
        loading.set(name, new Promise((resolve) => {
          const script = document.createElement("script");
          script.fetchPriority = "high";
          script.src = `${root}${index.parts.folder}/${name}.js?v=${index.parts.version}`;
          script.onload = script.onerror = () => resolve();
          document.head.appendChild(script);
        }));
      }
      return loading.get(name);
    }));
  }

  // Where the emergency notice goes: first in the page's main part, where the parts every
  // page starts with are. Not as a cell of its own where a theme lays that part out as a
  // grid or a row of columns (sphinx-conestack-theme's <main>: the notice stood beside
  // the heading "Search", over it, and the page's text was squeezed into a column 105 px
  // wide): then first in the part of it that holds the results (crawl.js moves the
  // parts there too, below the notice).
  function noticePlace(anchor) {
    let holder = anchor.closest("[role=main], main, article") || anchor.parentNode;
    while (/^(inline-)?(grid|flex)$/.test(getComputedStyle(holder).display)) {
      const content = [...holder.children].find((child) => child.contains(anchor));
      if (!content || content === anchor) break;
      holder = content;
    }
    return holder;
  }

  // A theme whose pages are wider than a phone's screen (Sphinx's haiku: a body at least
  // 944 px wide, s52) showed the notice as wide as the page: the number to call was past
  // the screen's right edge. There the notice is kept to what the screen shows.
  function fitToScreen(notice) {
    const seen = window.visualViewport ? window.visualViewport.width : document.documentElement.clientWidth;
    const { left, right } = notice.getBoundingClientRect();
    if (right <= seen + 1 || left < 0 || left >= seen / 2) return;
    notice.style.boxSizing = "border-box";
    notice.style.maxWidth = `${Math.round(seen - 2 * left)}px`;
  }

  async function showEntryResults(index, query, root) {
    const anchor = document.getElementById("search-results");
    if (!anchor) return;
    let decided = null;
    if (index.parts) {
      // The words asked about; then the rows of what is shown and of ties at its end.
      window.crawlSearchPart = (name, data) => mergePart(index, name, data);
      index.words ??= {};
      index.entries ??= [];
      await loadParts(index, root, wordParts(index, query));
      // A typo's parts, and other languages' emergency words where the query may be in one.
      await Promise.all([loadParts(index, root, typoParts(index, query)),
        loadParts(index, root, foreignParts(index, query))]);
      // The rows of the results are asked for as soon as they are ranked, and come
      // while the notices are worked out: first whether the harmless phrases are needed
      // (a reading of the query against every sign, 20 to 30 ms the first time), then
      // the notices themselves.
      const ranked = rankEntries(index, query);
      const rows = loadParts(index, root, rowParts(index, ranked.map((r) => r.n)));
      await loadParts(index, root, harmlessParts(index, query));
      decided = decide(index, query, ranked);
      // Read with the entries' words, a notice the table alone did not foresee.
      const late = harmlessParts(index, query, decided.needs);
      if (late.length) {
        await loadParts(index, root, late);
        decided = decide(index, query, ranked);
      }
      await rows;
      await loadParts(index, root, rowParts(index, decided.results.map((r) => r.n)));
    }
    decided ??= decide(index, query);
    const { ranked, needs, results } = decided;
    // An emergency, then an illness the handbook does not cover, before anything else.
    const urgent = index.emergency ? needs.urgent : "";
    // (The notice says all the line atop the page does, more loudly: crawl.css hides it.)
    if (urgent) {
      const holder = noticePlace(anchor);
      fitToScreen(holder.insertBefore(emergencyNotice(index, root, urgent), holder.firstChild));
    }
    const section = el("section", "crawl-search");
    section.setAttribute("aria-labelledby", "crawl-search-heading");
    const heading = ours(el("h2", "", index.heading));
    heading.id = "crawl-search-heading";
    section.appendChild(heading);
    // A topic the handbook does not cover: say so first, and where to go instead.
    needs.topics.forEach((answer) => {
      const note = section.appendChild(el("div", "crawl-search-scope"));
      note.setAttribute("role", "note");
      note.appendChild(el("p", "", answer.text));
      if (answer.url) {
        const link = ours(el("a", "", index.more));
        link.href = answer.url;
        note.appendChild(el("p")).appendChild(link);
      }
    });
    // A child older than every entry ("my 4 year old only crawls backwards"): the
    // handbook does not cover this child, and where to go instead (s45b: before, only
    // the generic "it may not cover this" and the worried parent's card first).
    const { texts: said = {}, ages_months: [, oldest] = [] } = index.emergency || {};
    const beyond = needs.beyond && said.beyond && Number.isFinite(oldest);
    if (beyond) {
      const note = section.appendChild(el("div", "crawl-search-scope crawl-search-beyond"));
      note.setAttribute("role", "note");
      ours(note.appendChild(el("p", "", said.beyond.replace("{oldest}", String(oldest)))));
    }
    // Nothing matched well: the handbook may not cover it; a worry goes to a professional.
    if (needs.concern && !beyond && !needs.topics.length && index.concern && index.concern.text) {
      const note = section.appendChild(el("div", "crawl-search-scope crawl-search-concern"));
      note.setAttribute("role", "note");
      const words = note.appendChild(el("p", "", index.concern.text));
      // The package's own words unless the handbook gave its own (crawl_search_concern).
      if (index.emergency && index.emergency.texts && index.concern.text === index.emergency.texts.concern) ours(words);
    }
    if (!ranked.length) section.appendChild(ours(el("p", "", index.none)));
    const list = el("ul", "search crawl-search-results");
    list.setAttribute("role", "list");
    const label = (i) => (i >= 0 ? index.labels[i] : "");
    const excerpts = [];
    results.forEach(({ n }) => {
      const [title, pageOrName, hash, kind, badge, age] = index.entries[n];
      // A split index's rows name their page; a whole index's give its place in the list.
      const page = typeof pageOrName === "string" ? pageOrName : index.pages[pageOrName];
      const item = el("li");
      const link = el("a", "", title);
      link.href = root + page + (hash ? "#" + hash : "");
      item.appendChild(link);
      const about = [label(kind), label(badge), label(age)].filter(Boolean).join(" \u00b7 ");
      item.appendChild(el("span", "crawl-search-kind", " \u2014 " + about));
      excerpts.push({ page, hash, node: item.appendChild(el("p", "context")) });
      list.appendChild(item);
    });
    // Beside an emergency or a call to the doctor now, entries about crawling (and their
    // "book an appointment" badges) must not read as the answer: they wait, folded, below
    // the notice.
    if (URGENT_NOW.has(urgent) && results.length) {
      const folded = section.appendChild(el("details", "crawl-search-folded"));
      folded.appendChild(ours(el("summary", "", index.emergency.texts.folded)));
      folded.appendChild(list);
    } else section.appendChild(list);
    anchor.parentNode.insertBefore(section, anchor);
    addResultsSearchBox(index, query);
    explainNoPages(index, ranked.length); // a match, not the worried-parent card added
    // The results are painted first; fetching the pages for excerpts (10 to 20 ms of
    // starting requests) comes after.
    afterPaint(() => fillExcerpts(root, excerpts, index.excerpt_chars));
  }

  // After the browser has painted what is on the page now (a hidden tab paints nothing:
  // there the timer alone runs it).
  function afterPaint(then) {
    let done = false;
    const once = () => { if (!done) { done = true; then(); } };
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(once, 0));
    setTimeout(once, 100);
  }

  // The search page's own box, at every width, holding the query to change it.
  function addResultsSearchBox(index, query) {
    const anchor = document.getElementById("search-results");
    if (!anchor || !index.box || document.querySelector("form.crawl-search-box-results")) return;
    const form = el("form", "crawl-search-box crawl-search-box-results");
    form.setAttribute("role", "search");
    form.method = "get";
    form.action = window.location.pathname;
    const label = form.appendChild(ours(el("label", "", index.box.label)));
    const input = form.appendChild(el("input"));
    input.type = "search";
    input.name = "q";
    input.id = label.htmlFor = "crawl-search-again";
    input.value = query;
    input.autocomplete = "off";
    form.appendChild(ours(el("button", "", index.box.button))).type = "submit";
    anchor.parentNode.insertBefore(form, anchor.previousElementSibling?.classList.contains("crawl-search") ? anchor.previousElementSibling : anchor);
  }

  // Sphinx says its search "did not match any documents" when no page matched all the
  // words, even with entries shown just above: say instead that no other page matched.
  function explainNoPages(index, found) {
    const results = document.getElementById("search-results");
    if (!results || !found || !index.no_pages) return;
    const fix = () => {
      const summary = results.querySelector("p.search-summary");
      const finished = summary && /\S/.test(summary.textContent) && !results.querySelector("ul.search li");
      if (finished && summary.textContent !== index.no_pages) ours(summary).textContent = index.no_pages;
    };
    new MutationObserver(fix).observe(results, { childList: true, subtree: true, characterData: true });
    fix();
  }

  // Sphinx's catalogs hold some messages with an empty translation (its Spanish one: the
  // count of pages found), which its script shows as no text; an empty translation
  // means none (gettext's rule). The count itself is said in the handbook's words.
  const SPHINX_NO_MATCH = "Your search did not match any documents. Please make sure that all " +
    "words are spelled correctly and that you've selected enough categories.";
  function repairSphinxWords(index) {
    // doctools.js declares `const Documentation`: a global binding, not a window property.
    const words = typeof Documentation === "undefined" ? null : Documentation.TRANSLATIONS;
    if (!words) return;
    for (const [message, translated] of Object.entries(words)) {
      if (translated === "" || (Array.isArray(translated) && !translated.some(Boolean))) delete words[message];
    }
    if (!index || !Array.isArray(index.pages_found)) return;
    const [one, many] = index.pages_found.map((text) => text.replace("{count}", "${resultCount}"));
    // Our English would replace Sphinx's own words in the page's language (which Sphinx
    // shows in its elements, unmarked): where Sphinx has them, they stay.
    const found = "Search finished, found one page matching the search query.";
    const keep = (message) => ownLang() && Object.hasOwn(words, message);
    if (!keep(found)) words[found] = [one, many, many, many, many, many];
    // Sphinx's "did not match any documents ... enough categories", in plain words.
    if (index.no_match && !keep(SPHINX_NO_MATCH)) words[SPHINX_NO_MATCH] = index.no_match;
  }

  // The entries come before Sphinx's page results: its query waits until they are
  // shown (or HOLD_MS at most), so the parts of the index they need are not queued
  // behind Sphinx's search for the main thread. searchtools.js declares `const Search`
  // (a global binding, as Documentation above); without it, or with another shape of
  // it, nothing waits.
  const HOLD_MS = 3000;
  function holdSphinxSearch() {
    if (typeof Search === "undefined" || typeof Search.query !== "function") return () => {};
    const sphinxQuery = Search.query;
    const waiting = [];
    let held = true;
    Search.query = (...args) => {
      if (held) waiting.push(args);
      else sphinxQuery.apply(Search, args);
    };
    const release = () => {
      if (!held) return;
      held = false;
      Search.query = sphinxQuery;
      waiting.splice(0).forEach((args) => sphinxQuery.apply(Search, args));
    };
    setTimeout(release, HOLD_MS);
    return release;
  }

  // The query: from the address, or where the extension's own search page kept it from
  // the theme's scripts (render/search_page.py), put back in the address now.
  function takeQuery() {
    const held = window.crawlSearchQuery;
    if (typeof held !== "string") return new URLSearchParams(window.location.search).get("q");
    const url = new URL(window.location.href);
    url.searchParams.set("q", held);
    history.replaceState(history.state, "", url);
    return held;
  }

  function setupEntrySearch() {
    repairSphinxWords(window.crawlSearchIndex);
    const query = takeQuery();
    const anchor = document.getElementById("search-results");
    if (!anchor) return;
    const root = document.documentElement.dataset.content_root || "";
    const release = query ? holdSphinxSearch() : () => {};
    const withIndex = (index) => {
      // An empty search page: the box at least, so it is not blank.
      if (!query) addResultsSearchBox(index, "");
      // Sphinx's search runs once the entries are painted (its query takes 20 ms).
      else showEntryResults(index, query, root).finally(() => afterPaint(release));
    };
    // The search page loads the index itself, beside Sphinx's (see render/search.py).
    if (window.crawlSearchIndex) return withIndex(window.crawlSearchIndex);
    const script = document.createElement("script");
    script.fetchPriority = "high";
    script.src = root + "crawl-searchindex.js";
    script.onload = () => {
      if (!window.crawlSearchIndex) return release();
      repairSphinxWords(window.crawlSearchIndex);
      withIndex(window.crawlSearchIndex);
    };
    script.onerror = release;
    document.head.appendChild(script);
  }

  return {
    words, englishStem, fold, stem, editDistance, typosAllowed, namesPhrase, forms,
    nearestStems, rankEntries, topResults, triage, decide, claimedStems, isWorry, queryAge, queryWeeks,
    youngAndWorried, youngFever, saysTemperature, saysNewborn, noticeOf, setupEntrySearch,
    wordParts, typoParts, rowParts, harmlessParts, foreignParts, mergePart, partOf, kindOf, fromOf,
  };
});
