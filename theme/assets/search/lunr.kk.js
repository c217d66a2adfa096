/* A light stemmer for Kazakh, for the portal's search: the same algorithm as
 * builder/model/stemming/kazakh.py (its docstring explains it); tests/test_stemming.py holds both to
 * tests/fixtures/stemming/kk.tsv and to each other on every word of content/kk.
 * Plain script for a page or a Web Worker (importScripts): defines self.ccdStemmers.kk(word) for one
 * lower-cased word and, when lunr is loaded first, the lunr plugin lunr.kk. */
(function () {
  "use strict";
  var VOWELS = "аәеёоөұүыіэюя";
  var HAS_VOWEL = VOWELS + "иу";
  var VOICELESS = "бвгғдкқпстфхцчшщһ";  // with б в г ғ д, which end only loanwords and take voiceless suffixes
  var LETTER_CLASSES = { V: VOWELS, R: "рйуи", L: "л", N: "мнң", Z: "зж", T: VOICELESS };

  // "variants:classes" - the classes of the letter before the suffix where these variants are used
  var CASE_ENDINGS = [
    "дағы дегі:VRLNZ", "тағы тегі:T", "ындағы індегі:P", "сындағы сіндегі:S",
    "ның нің:VN", "дың дің:RLZ", "тың тің:T",
    "ны ні:A", "ды ді:RLNZ", "ты ті:T", "ын ін:P", "сын сін:S",
    "ға ге:VRLNZ", "қа ке:T", "ына іне:P", "сына сіне:S",
    "да де:VRLNZ", "та те:T", "ында інде:P", "сында сінде:S",
    "дан ден:VRLZ", "нан нен:N", "тан тен:T", "ынан інен:P", "сынан сінен:S",
    "мен:VRLN", "бен:Z", "пен:T"
  ];
  var VERB_ENDINGS = ["йтын йтін:V", "ады еді:C", "ып іп:C", "са се:VC", "ды ді:V"];
  var POSSESSIVE = ["ымыз іміз:P", "мыз міз:V", "ыңыз іңіз:P", "ңыз ңіз:V", "ы і:P", "сы сі:S"];
  var PLURAL = ["лар лер:VR", "дар дер:LNZ", "тар тер:T"];
  var VERB_STEM = ["ған ген:VRLNZ", "қан кен:T", "у:VC"];
  var ALTERNATION = { "ғ": "қ", "г": "к", "б": "п" };
  var ELISION = {
    "халқ": "халық", "орн": "орын", "ерк": "ерік", "ауз": "ауыз", "мұрн": "мұрын",
    "ерн": "ерін", "қарн": "қарын", "нарқ": "нарық", "мүлк": "мүлік", "әрп": "әріп"
  };
  var KEEP = { "қарағанды": true, "басқа": true, "сынып": true };

  function has(table, key) { return Object.prototype.hasOwnProperty.call(table, key); }
  function contains(letters, letter) { return letter !== "" && letters.indexOf(letter) >= 0; }

  function parse(tables) {
    var entries = [];
    tables.forEach(function (table) {
      table.rows.forEach(function (row) {
        var parts = row.split(":");
        parts[0].split(" ").forEach(function (suffix) {
          entries.push({ suffix: suffix, classes: parts[1], verbal: table.verbal });
        });
      });
    });
    // the longest suffix first; two suffixes of one length cannot both end a word
    return entries.sort(function (a, b) { return b.suffix.length - a.suffix.length; });
  }

  var ENDINGS = parse([{ rows: CASE_ENDINGS, verbal: false }, { rows: VERB_ENDINGS, verbal: true }]);
  var SLOTS = [
    ENDINGS,
    parse([{ rows: POSSESSIVE, verbal: false }]),
    parse([{ rows: PLURAL, verbal: false }]),
    parse([{ rows: VERB_STEM, verbal: true }])
  ];

  // The classes the last letter of rest belongs to (see the Python module's docstring).
  function classesOf(rest) {
    if (rest.charAt(rest.length - 1) === "ь" && rest.length > 1) rest = rest.slice(0, -1);  // спектакль-ді: л decides
    var last = rest.charAt(rest.length - 1), before = rest.charAt(rest.length - 2);
    var found = "";
    for (var name in LETTER_CLASSES) {
      if (has(LETTER_CLASSES, name) && contains(LETTER_CLASSES[name], last)) found += name;
    }
    if (found === "V") {
      // a final ы/і is a root's (жұмыс-ы, мәтін-і) unless it ends -шы or -ғы after a consonant
      // (басшы, соңғы); a final о/ө too (этнос-ы, смартфон-ы: nouns ending in о are rare loans)
      var third = rest.length > 2 ? rest.charAt(rest.length - 3) : "";
      var derivation = before === "ш" || (contains("ғгқк", before) && third !== "" && !contains(HAS_VOWEL, third));
      if (!contains("оө", last) && (!contains("ыі", last) || derivation)) {
        found += "S";
        // -ғаны, -кені: a participle and its possessive (болған-ы), not an accusative (оқиға-ны)
        var participle = contains("ае", last) && third !== "" &&
          ((contains("ғг", before) && !contains(VOICELESS, third)) || (contains("қк", before) && contains(VOICELESS, third)));
        if (!participle) found += "A";
      }
    } else if (found) {
      found += "C";
      var derived = contains("ғгқк", last) && rest.length > 1 && !contains(HAS_VOWEL, before) && !has(ELISION, rest);
      if (last !== "ш" && !derived) found += "P";
    }
    return found;
  }

  function fits(rest, suffix, classes) {
    var withVowel = false;
    for (var i = 0; i < rest.length; i++) if (contains(HAS_VOWEL, rest.charAt(i))) withVowel = true;
    if (!withVowel) return false;
    var last = rest.charAt(rest.length - 1);
    var vowelInitial = contains(VOWELS, suffix.charAt(0)) || suffix === "у";
    var shortest = contains(VOWELS, last) || contains("ыі", suffix.charAt(0)) ? 3 : 2;
    if (rest.length < shortest || (vowelInitial && last === "д")) return false;
    if (suffix === "тан" && last === "с" && !contains(HAS_VOWEL, rest.charAt(rest.length - 2))) return false;
    var found = classesOf(rest);
    for (var j = 0; j < found.length; j++) if (classes.indexOf(found.charAt(j)) >= 0) return true;
    return false;
  }

  // The word without the longest suffix of entries that fits, and whether it was a verb's; or null.
  function strip(word, entries) {
    for (var i = 0; i < entries.length; i++) {
      var entry = entries[i];
      var cut = word.length - entry.suffix.length;
      var rest = word.slice(0, cut);
      if (cut > 0 && word.slice(cut) === entry.suffix && fits(rest, entry.suffix, entry.classes)) {
        return { word: has(ELISION, rest) ? ELISION[rest] : rest, verbal: entry.verbal };
      }
    }
    return null;
  }

  function alternate(word) {
    var last = word.charAt(word.length - 1);
    return has(ALTERNATION, last) ? word.slice(0, -1) + ALTERNATION[last] : word;
  }

  // The stem of one lower-cased, NFC-normalised word.
  function stem(word) {
    var verbal = false, stripped, i;
    for (i = 0; i < SLOTS.length; i++) {
      if (has(KEEP, word)) return word;
      stripped = strip(word, SLOTS[i]);
      if (stripped) {
        word = stripped.word;
        verbal = verbal || stripped.verbal;
      }
    }
    word = alternate(word);
    for (i = 0; i < 2; i++) {
      // a noun ending like a case or a possessive (команда, отбасы) loses that ending in every form,
      // not only when bare; a verb stem keeps it (баста-у is not бас)
      if (!verbal && !has(KEEP, word)) {
        stripped = strip(word, SLOTS[i]);
        word = alternate(stripped ? stripped.word : word);
      }
    }
    return word;
  }

  self.ccdStemmers = self.ccdStemmers || {};
  self.ccdStemmers.kk = stem;

  var lunr = self.lunr;
  if (!lunr) return;
  // lunr's own trimmer knows only ASCII letters: the token loses what is not a letter at its ends
  var EDGES = /^[^0-9a-zа-яёәғқңөұүһі]+|[^0-9a-zа-яёәғқңөұүһі]+$/g;
  lunr.kk = function () {
    this.pipeline.reset();
    this.pipeline.add(lunr.kk.stemmer);
    this.searchPipeline.reset();
    this.searchPipeline.add(lunr.kk.stemmer);
  };
  lunr.kk.stemmer = function (token) {
    var text = token.toString().toLowerCase();
    if (text.normalize) text = text.normalize("NFC");
    text = text.replace(EDGES, "");
    if (!text) return undefined;  // punctuation alone is no term
    return token.update(function () { return stem(text); });
  };
  lunr.Pipeline.registerFunction(lunr.kk.stemmer, "stemmer-kk");
})();
