"""The words a frightened parent types, for the search's emergency and illness notices.

Used when ``crawl_emergency`` does not set ``signs``, ``unwell`` or ``young_weeks``, so
an adopter's handbook tells a parent whose query names an emergency to call now, as
this project's handbook does. The signs are those the NHS and the HSE name for calling
an ambulance for a baby (shared/EVIDENCE.md, "Emergencies"); the unwell words name an
illness or injury the handbook does not cover, which the search sends to a doctor
today; the fever words, with a baby under 3 months, send to the doctor urgently (the
HSE). Plain data, no Sphinx.
"""

from __future__ import annotations

#: The NHS: call 999 for a baby under 8 weeks old when you are very worried.
YOUNG_WEEKS = 8
#: The HSE: "for a baby under 3 months with a temperature of 38 °C or more, call the
#: doctor urgently. Don't wait to get help."
YOUNG_FEVER_MONTHS = 3

# fmt: off
SIGNS_EN = [
    "not breathing", "stopped breathing", "stops breathing", "isnt breathing",
    "cant breathe", "no breath", "struggling to breathe", "trouble breathing",
    "difficulty breathing", "hard to breathe", "breathing fast", "fast breathing",
    "gasping", "choking", "sucking in under ribs", "ribs sucking in", "blue lips",
    "turning blue", "going blue", "gone blue", "blue skin", "bluish", "grey skin",
    "gray skin", "pale blotchy", "grey", "gray", "greyish", "grayish", "mottled", "blotchy",
    "pale floppy", "wont wake", "will not wake", "cant wake", "hard to wake", "not waking",
    "unconscious", "unresponsive", "not responding", "passed out", "doesnt recognise",
    "doesnt recognize", "doesnt know me", "does not know me", "not recognise",
    "not recognize", "fit", "fitting", "seizure", "convulsion", "convulsing",
    "shaking uncontrollably", "rash doesnt fade", "rash not fading", "glass test",
    "purple spots", "meningitis", "allergic reaction", "anaphylaxis", "swollen face",
    "swollen lips", "serious injury", "head injury", "hit head vomiting", "fell vomiting",
    "fall vomiting", "bumped head vomiting", "dropped on head", "emergency", "ambulance",
    "dying", "911", "999", "112", "blue", "went limp", "gone limp", "goes limp",
    # Stopped breathing, or may be seriously injured (NHS): found in water.
    "drowned", "drowning", "nearly drowned", "under water", "underwater",
    # May have been seriously injured (NHS): a baby who was shaken. (Not "shaken"
    # alone: one typo from "shakes", and "baby shakes head" is no emergency; nor "shook"
    # alone, s51: "baby shook the rattle", "shook his head no" were told to call now.)
    '"shook the baby"', '"shook my baby"', '"shook our baby"', '"shook baby"', '"shook him"',
    '"shook her"', '"shook them"', '"shook my son"', '"shook my daughter"', '"shook our son"',
    '"shook our daughter"', '"shook my child"', '"shook the child"', '"shook my kid"',
    '"was shook"', '"shook hard"', "was shaken", "been shaken",
    "shaken baby syndrome",
    # Found by a round of frightened queries nobody had written a test for. Not
    # responding, collapsed or gone suddenly floppy (HSE: becomes unresponsive). Words
    # match by stem and in any order: a phrase must not also say what a crawling baby
    # does ("collapses onto his tummy", "goes floppy when lifted", "rolling over and
    # rubbing his eyes", "pulls up on the chest of drawers", "falls off the table").
    # (s53: "nt" for "not", as typed in a hurry: "bby nt breathin" got the illness notice.)
    "notbreathing", "nt breathing", "wont respond", "isnt responding", "stopped responding",
    "stops responding", "not reacting", "collapsed", "went floppy", "gone floppy",
    "suddenly floppy",
    # Pale, or dusky lips (HSE: pale, blotchy, blue or grey skin; blue around the lips).
    "very pale", "pale skin", "pale cold", "turned pale", "gone pale", "went pale",
    "looks pale", "purple lips", "dusky lips", "dusky",
    # Sucking in under the ribs, in other words (HSE).
    "ribs pulling", "ribs sucking", "chest sucking", "chest caving",
    # A fit described, not named (NHS: a fit for the first time).
    "stiff jerking", "eyes rolled jerking", "eyes rolled stiff",
    # The rash that does not fade under a glass, in other words (NHS).
    "rash press", "rash pressed", "spots press", "spots pressed", "rash glass",
    "spots glass", "spots dont disappear", "spots dont fade", "rash wont fade",
    "rash dont fade",
    # Found in water; a fall from a height, or sleepy after a fall: may be seriously
    # injured (NHS; the handbook's emergency page: "a fall from a height"). "Fell", an
    # event: "falls" is also what a cruising baby does every day.
    "face down water", "face down bath", "face down pool", "face down tub", "fell pool",
    "fell bath", "fell water", "fell down stairs", "fell off table", "fell from table",
    "fell height", "fell sleepy", "fell drowsy", "hit head sleepy", "hit head drowsy",
    # A hostile reader's round (s37): fainted is passed out (HSE: unresponsive); breath
    # barely there; a severe allergic reaction (NHS) as it happens ("lips swelling",
    # the tongue or throat); a fit described with the eyes rolling; a purple rash
    # (NHS: spotty purple or red, as "purple spots" above).
    "fainted", "fainting", "hardly breathing", "barely breathing", "lips swelling",
    "face swelling", "tongue swelling", "swollen tongue", "throat swelling",
    "swollen throat", "eyes rolling shaking", "purple rash",
    # A hostile reader's round (s38): a parent asking how to resuscitate a baby or clear
    # a choking baby's airway has a baby who is not breathing or choking now (NHS: stops
    # breathing); a fit as a verb; limp and pale (HSE: pale skin, floppy).
    "cpr", "resuscitate", "resuscitation", "heimlich", "back blows",
    "rescue breaths", "rescue breathing", "chest compressions", "seizing", "seized",
    "seizures", "limp pale",
    # Won't breathe; the chest sinking in (HSE: sucking in under the ribs); petechiae, the
    # tiny spots that do not fade under a glass (NHS); stiff and shaking (a fit).
    "wont breathe", "wont breath", "chest sinking", "chest sinks", "ribs sinking",
    "petechiae", "petechial", "stiff shaking",
    # (s53: "baby went rigid and shaking" got the illness notice alone.)
    "rigid shaking", "stiff jerking",
    # A parent who fears the baby is dead or dying: not breathing, will not wake (NHS).
    "dead", "died", "going to die", "gonna die", "about to die", "will die", "not alive",
    "isnt alive",
    # Pale (HSE), and sweaty or clammy. (Not "is pale" alone: "pale after a bath".)
    "pale sweaty", "pale clammy", "clammy",
    # A hostile reader's round (s39): not moving at all, in one word (HSE: becomes
    # unresponsive). "Not moving" alone is read by ``STILL_EN`` below.
    "motionless", "lifeless", "not responsive",
    # A hostile reader's round (s40): not breathing with Spanish's "no" before the
    # English word ("mi bebe no breathing", as a bilingual parent types).
    "no breathing",
    # Purple as the baby turns it (as blue; "purple lips" above), a cord round the neck
    # (NHS: stops breathing, may be seriously injured), a rash that does not blanch (NHS:
    # does not fade under a glass). Before, none or the illness notice. (Not "purple"
    # alone: a purple toy.)
    "turning purple", "turned purple", "went purple", "gone purple", "going purple",
    "strangled", "strangling", "strangulation", "cord around neck", "cord round neck",
    "non blanching", "nonblanching", "not blanching", "doesnt blanch",
    # White as a baby turns it: very pale (HSE: pale skin), as "went pale" above.
    "went white", "turned white", "gone white", "going white", "turning white",
    # A hostile reader's round (s41): purple said of the baby ("my baby is purple": no
    # notice before), as blue is (a purple toy or mat is one of the index's harmless
    # phrases); shaken (as "was shaken"), knocked out (unconscious; not "knocked" and "out"
    # anywhere: "knocked over his tower and crawled out"), a concussion (a head injury;
    # before, read as a typo of "convulsion").
    "purple", "shaken baby", "knocked himself out", "knocked herself out", "was knocked out",
    "got knocked out", "concussion",
    # Hard to wake, in other words (NHS: will not wake up), as "hard to wake" above.
    "difficult to wake",
    # A hostile reader's round (s42): something stuck in the throat is choking (NHS: call
    # if the baby stops breathing); a baby left or locked in a car, which may be hot (the
    # notice says only that it could be an emergency: call now). Before, none: "hot car"
    # was a harmless phrase. (Not "stuck in car": "stuck in his car seat"; a car seat is
    # a harmless phrase.)
    "stuck in throat", "lodged in throat", "caught in throat", "left in car",
    "locked in car", "trapped in car", "forgot in car", "forgotten in car",
    # Purplish, as bluish (HSE: blue skin; "purple lips" above); blue skin by its
    # medical name; a severe allergic reaction by its adjective (NHS); the tummy sucking
    # in as the baby breathes, in this order (HSE: sucking in under the ribs; not "sucking
    # his thumb in tummy time").
    "purplish", "purpley", "cyanotic", "cyanosis", "cyanosed", "anaphylactic",
    '"tummy sucking in"', '"belly sucking in"', '"stomach sucking in"',
    # Hard to rouse is hard to wake (NHS: will not wake up); pale and sleepy (HSE: pale
    # skin); tiny dots that do not fade (NHS: a spotty rash that does not fade under a
    # glass). Before, none. (Not "so pale" alone: "pale after a bath".)
    "hard to rouse", "cant rouse", "wont rouse", "difficult to rouse", "not rousing",
    # Will not wake up (NHS), with the other negations a parent types (s44: "baby doesn't
    # wake", "baby isn't waking up" got the worried parent's card alone), as "wont wake"
    # and "not waking".
    "doesnt wake", "does not wake", "didnt wake", "did not wake", "isnt waking",
    "wasnt waking",
    "pale sleepy", "pale drowsy", "pale lethargic", "dots dont fade",
    "dots wont fade", "dots not fading", "dots dont disappear", "dots glass", "dots press",
    "spots wont fade", "spots not fading",
    # Sick or sleepy after a fall or a knock to the head, in other words (as "fell
    # vomiting", "hit head sleepy" above: may be seriously injured, NHS). "Threw up" in
    # order: "he threw his toy up and it fell" is no fall.
    '"fell threw up"', '"threw up after fall"', '"hit head threw up"', '"threw up after hit head"',
    '"bump head threw up"', '"threw up after bump head"', '"fell puked"', '"puked after fall"',
    "bump head vomiting", "bump head sleepy", "bump head drowsy", "after fall sleepy",
    "after fall drowsy",
    # Sick as parents in the UK say vomiting (s51: "he fell and hit his head ... and now he
    # keeps being sick" got the illness notice). Not "fell sick": taken ill.
    "hit head sick", "bump head sick", "bumped head sick", "banged head sick",
    "knocked head sick", '"fell and was sick"', '"fell and been sick"', '"sick after fall"',
    '"sick after the fall"', '"sick since the fall"', '"sick since he fell"',
    '"sick since she fell"',
    # A hostile reader's round (s43). Limp said of the baby, in this order ("my baby is
    # limp", "limp baby"; HSE: floppy, unresponsive; as "went limp" above): before, the
    # illness notice, and the card "very floppy muscles: book an appointment" first. (Not
    # "limp" alone: "crawls with a limp" is a limp, the illness notice; "is a limp
    # normal" is one of the index's harmless phrases.)
    '"is limp"', '"limp baby"', '"feels limp"', '"looks limp"', '"seems limp"',
    '"all limp"', '"so limp"', '"very limp"', '"completely limp"', '"limp cold"', '"cold limp"',
    # Floppy and cold, as limp and cold (s46: "my newborn is cold and floppy" got no
    # notice, the worried parent's card and "Very floppy muscles: book an appointment").
    '"floppy cold"', '"cold floppy"',
    # Found in water, or crawled into it (NHS: may have stopped breathing, or be
    # seriously injured, as "fell pool" above): before, none.
    '"found in pool"', '"found in bath"', '"found in water"', '"found in pond"',
    '"found in tub"', '"crawled into pool"', '"crawled into pond"', '"crawled into water"',
    "fell pond",
    # Gone under the water (s48: "baby went under in the bath" got no notice; "under
    # water" above needs the water named). Not "went under" alone: a crawling baby goes
    # under the table.
    "went under bath", "went under tub", "went under pool", "went under pond",
    "slipped under bath", "slipped under tub", "slipped under pool", "head under bath",
    "head under tub", "face under bath", "inhaled water", "breathed water",
    # Not moving after a fall (HSE: becomes unresponsive): "baby fell while crawling and
    # is not moving" was the illness notice (the crawling word made it about getting
    # about, STILL_EN). "Fell", an event, as above.
    "fell not moving",
    # Jerking or twitching that will not stop, as "shaking uncontrollably" (NHS: a fit).
    "jerking uncontrollably", "twitching uncontrollably",
    # The same, said as not stopping (s51: "baby jerking arms and legs wont stop" got the
    # illness notice).
    "jerking wont stop", "jerks wont stop", "twitching wont stop", "twitches wont stop",
    "shaking wont stop",
    # Not conscious, said with a negation (HSE: unresponsive): before s48, read as a typo
    # of "unconscious"; a typo now keeps its first letter.
    "not conscious", "isnt conscious", "barely conscious",
    # Floppy after a fall or a knock to the head (s50: "baby hit head and is floppy", "baby
    # is floppy after fall" got the illness notice; as "fell sleepy": may be seriously
    # injured, NHS; HSE: floppy). Not limp: "limps after a fall" is a limp.
    "fell floppy", "fall floppy", "hit head floppy", "bump head floppy", "bumped head floppy",
    # Pale lips (HSE: pale skin; s52: "baby lips pale", "lips white after crying" got no
    # notice).
    "pale lips", "lips pale", "white lips", "lips white", "lips turned white",
    # Hives with wheezing: an allergic reaction that reaches the breathing (NHS: a severe
    # allergic reaction; s52: "hives all over and wheezing" got the illness notice).
    "hives wheezing", "hives wheezy",
    # A hostile reader's round (s54), each sign in words it had no phrase for. Not
    # conscious (HSE: unresponsive); not breathing as a parent fears it (NHS: stops
    # breathing); the tummy pulling in as the baby breathes (HSE: sucking in under the
    # ribs); a fit described or misspelt (NHS: a fit for the first time; the eyes rolled
    # alone are not one, s42); a colour gone wrong, said of the baby (HSE: pale, blotchy,
    # blue or grey skin); the throat or mouth swelling shut (NHS: a severe allergic
    # reaction); seriously ill, as the HSE names it; caught in a cord, found not moving,
    # a fall from a window, furniture fallen on the baby, a fall and then sick (NHS: may
    # have been seriously injured).
    "lost consciousness", "losing consciousness", "blacked out", "suffocating", "suffocated",
    "ceased breathing", '"tummy pulling in"', '"belly pulling in"', '"chest pulling in"',
    "eyes rolled stiffened", "eyes rolled twitching", '"foaming mouth"',
    "stiff jerky", "rigid jerky", "seasure", "ceasure", "siezure", "seisure", "fitt",
    # ("Colour" itself is a harmless word, and is read away: "gone a funny colour".)
    *(f'"{verb} {odd}"' for verb in ("gone", "went", "turned") for odd in ("funny", "weird")),
    "marbled skin", "throat closing", "throat closed", "mouth swelling", "mouth swollen",
    "swollen mouth", "seriously ill", "seriously unwell", "critically ill", "tangled cord",
    "found not moving", "found limp", "found floppy", "fell window", '"tv fell"',
    '"tv onto"', '"tv on him"', '"tv on her"', '"tv landed"', '"television fell"',
    '"bookcase fell"', '"bookshelf fell"',
    '"dresser fell"', '"wardrobe fell"', '"furniture fell"', "fell off sick",
    # A second round (s54): lips gone dark (HSE: blue around the lips); confused and
    # floppy (HSE: unresponsive, does not seem to know you); spasms in clusters (NHS: a
    # first fit); fast breathing and the ribs showing (HSE: very fast breathing, sucking
    # in under the ribs); a head injury's signs after a fall (NHS: may have been
    # seriously injured); "not breathing" as dictation writes it.
    "dark lips", "lips darkened", "confused floppy", "confused limp",
    "head drops clusters", "breathing quickly", "breathing rapidly", "rapid breathing",
    "ribs showing", "dent head", "fluid ear", "blood ear", "hit head quiet", "fell keeps sick",
    "knot breathing", '"not breeding"',
    # Pupils of two sizes after a fall or a knock (alone, and infantile spasms by name,
    # the illness notice: s37, s40).
    "fell pupil", "fall pupil", "hit head pupil", "bump head pupil", "bumped head pupil",
    # A third round (s54): autocorrect's "wint wake", "lips blew"; blue or dusky round the
    # mouth; not knowing the parent; twitching and staring (a fit), the skin between the
    # ribs (sucking in), not acting right after a knock
    # to the head (landed on it alone is the illness notice's).
    "wint wake", "lips blew", "bluish mouth", "dusky mouth", '"doesnt know who"',
    "twitching staring", "twitching stared", "between ribs",
    "head not acting right",
]
SIGNS_ES = [
    "no respira", "dejó de respirar", "deja de respirar", "no puede respirar",
    "le cuesta respirar", "respira rápido", "respira muy rápido", "se ahoga", "ahogando",
    "atragantado", "atragantó", "hunde las costillas", "labios azules", "labios morados",
    "se pone azul", "se puso azul", "piel azul", "piel gris", "morado",
    "pálido con manchas", "gris", "grisáceo", "grisácea", "manchas moradas", "no despierta",
    "no se despierta", "no reacciona", "no responde", "inconsciente", "desmayado",
    "no me reconoce", "no me conoce", "convulsión", "convulsiones", "convulsiona", "ataque",
    "azul", "se puso flácido", "manchas que no desaparecen", "sarpullido que no desaparece",
    "prueba del vaso", "meningitis", "reacción alérgica", "anafilaxia", "cara hinchada",
    "labios hinchados", "se cayó vomita", "caída vomita",
    "emergencia", "urgencia", "ambulancia", "se ahogó", "ahogado", "ahogada", "ahogamiento",
    "bajo el agua", "no consciente", "no está consciente", "hundió bañera", "hundió tina",
    "hundió piscina", "hundió agua",
    "zarandeé", "zarandeado", "zarandeada", "zarandeo", "sacudí a mi bebé",
    # In this order: "sacudió la manta" (shook the blanket), "sacude la cabeza" (shakes
    # its head) are no baby shaken (s51: they were, as "la" and "sacudí" in any order).
    '"lo sacudí"', '"la sacudí"',
    # Shaken by someone else (s51: "mi pareja sacudió al bebé" got the illness notice;
    # "my partner shook the baby" the emergency one).
    '"sacudió al bebé"', '"sacudió a la bebé"', '"sacudió a mi bebé"',
    '"sacudió a nuestro bebé"', '"lo sacudió"', '"la sacudió"', '"lo sacudieron"',
    '"la sacudieron"', "zarandeó", '"fue sacudido"', '"fue sacudida"',
    # Jerking that does not stop (NHS: a fit), as "jerking wont stop" (s51: "se sacude y
    # no para" got the illness notice).
    "sacude no para", "sacudidas no paran", "sacudiendo no para",
    # Vomiting after a knock to the head or a fall, as "devolver" (s51: "se pegó en la
    # cabeza y devolvió" got the illness notice; "vomitó" the emergency one).
    "cabeza devolvió", "cabeza devolviendo", "cayó devolvió", "caída devolvió",
    # "Se cayó" as many write it, "se callo" (s51: "mi bebe se callo y vomito" got the
    # illness notice; "se cayó y vomitó" the emergency one).
    "callo vomita", "calló vomita", "callo devolvió", "calló devolvió",
    # The same rounds of queries, in Spanish (HSE, NHS as above).
    "dejó de responder", "se desplomó", "desplomó", "colapsó",
    "quedó flácido", "quedó flácida", "puso flácida", "inerte", "muy pálido", "muy pálida",
    # Gone limp, as a Spanish parent says it (s49: "se quedó sin fuerzas" got no notice;
    # "went limp" is one above). Not "sin fuerzas" alone: "sin fuerzas para gatear".
    "quedó sin fuerzas", "quedó sin fuerza",
    "piel pálida", "puso pálido", "puso pálida", "pálido frío", "pálida fría",
    "labios oscuros", "pecho se hunde", "costillas se hunden", "rígido sacudidas",
    "rígida sacudidas", "ojos en blanco", "manchas no se van", "manchas no desaparecen",
    "manchas vaso", "sarpullido vaso", "erupción vaso", "manchas presionar",
    "boca abajo agua", "boca abajo bañera", "boca abajo piscina", "cayó piscina",
    "cayó bañera", "cayó agua", "cayó escaleras", "caída escaleras", "cayó cambiador",
    "cayó altura",
    "cabeza vomita", "cayó somnoliento", "cayó adormilado", "cayó sueño",
    # The same round (s37): out of air, breathing with difficulty or hardly at all
    # (HSE); a swollen tongue or throat (NHS: a severe allergic reaction).
    "sin aire", "sin respirar", "dificultad respirar", "respira con dificultad",
    "apenas respira",
    "lengua hinchada", "garganta hinchada",
    # Something stuck in the throat is choking, as "stuck in throat" (s52: "se le metió
    # algo en la garganta" got no notice).
    *(f"{stuck} garganta" for stuck in ("atorado", "atorada", "atascado", "atascada", "trabado",
                                        "trabada", "atravesado", "atravesada")),
    '"algo en la garganta"',
    # Pale lips, as in English; vomiting or sleepy after a knock (s52: "vomitó una vez
    # después del golpe", "tiene sueño después del golpe en la cabeza" got the illness
    # notice; "baby vomited once after bump on head" the emergency one).
    "labios pálidos", "labios blancos",
    *(f"golpe {sick}" for sick in ("vomitó", "vomito", "vomita", "devolvió")),
    *(
        f"{hit} cabeza {sleepy}"
        for hit in ("golpe", "golpeó", "pegó")
        for sleepy in ("sueño", "somnoliento", "somnolienta", "adormilado", "adormilada")
    ),
    # As the verb too ("se le hincha la lengua"): Sphinx's Spanish stemmer takes
    # "hincha" for "hinchada", the search's English one (in the English edition, which
    # reads every language's signs) does not.
    "lengua hincha", "garganta hincha",
    # The face too, as the verb in the past, with or without its accent ("se le hinchó
    # la cara", "se le hincho la cara"), for the same reason (s46).
    "cara hincha", "cara hinchó", "cara hincho",
    # Hard to wake (NHS: will not wake up), as "hard to wake" above.
    "cuesta despertar", "difícil despertar", "difícil de despertar",
    # The same round (s38), in Spanish.
    "rcp", "reanimación", "reanimar", "reanimo", "maniobra de heimlich",
    "compresiones torácicas", "pálido flojo", "pálida floja", "pálido flácido",
    "pálida flácida",
    # Floppy and cold (s46: "está flojito y frío" got the illness notice), as in English.
    "flojito frío", "flojita fría", "flojo frío", "floja fría", "flácido frío",
    "flácida fría",
    "petequias", "rígido tiembla", "rígida tiembla",
    # The rash that does not fade, as "manchitas" (NHS), and a baby asleep after a fall.
    "manchitas vaso", "manchitas no desaparecen", "manchitas no se van",
    "manchitas presionar", "sarpullido presionar", "erupción presionar", "cayó dormido",
    "cayó dormida",
    # As in English: dead or dying; pale and sweaty.
    "está muerto", "está muerta", "murió", "se murió", "muriendo", "no está vivo",
    "no está viva", "pálido sudoroso", "pálida sudorosa", "helado pálido", "helada pálida",
    # The same round (s39): dying as the present ("mi bebé se muere", "se me muere"),
    # suffocating, not moving at all in one word.
    "se muere", "me muere", "asfixia", "asfixiando", "asfixió", "inmóvil", "sin vida",
    # Hard to wake, as the verb's infinitive ("no puedo despertar a mi bebé"); a fit as
    # the gerund (the English edition reads Spanish words without a Spanish stemmer).
    "no despertar", "convulsionando",
    # The same round (s40), in Spanish.
    "estrangulado", "estrangulada", "cordón alrededor del cuello", "cordón en el cuello",
    "puso blanco", "puso blanca", "quedó blanco", "quedó blanca", "labios blancos",
    # Short of air, breathing that stopped, mottled skin (HSE: blotchy), as in English.
    # (Not "jaspeada" alone: a rug.)
    "falta aire", "paró respiración", "piel moteada", "piel jaspeada", "moteado",
    # The same round (s41): a concussion (a head injury, as in English); purple as
    # "amoratado" or "moradito" ("se le amorató la cara", "se puso moradito": none before).
    "conmoción", "amoratado", "moradito",
    # Each colour in both genders and numbers, as parents of a girl say it ("está
    # morada"): found by stem where the page has Sphinx's Spanish stemmer, and so
    # without one too (the English edition's; s42).
    "morada", "morados", "moradas", "moradita", "amoratada", "amoratados", "amoratadas",
    "pálida con manchas", "desmayada", "se puso flácida", "atragantada",
    # Fainted, or stopped breathing, as Mexican parents say it (s46: "se privó", "se le
    # fue el aire" got the worried parent's card alone; "se desmayó", "dejó de respirar"
    # are emergencies: unresponsive, HSE; stops breathing, NHS).
    "se privó", '"le fue el aire"',
    # A faint, as "le dio un soponcio" (s52: the worried parent's card alone).
    "soponcio",
    # The same round (s42): choking as "se atoró", something stuck in the throat; a baby
    # left or locked in a car.
    "atoró", "atorado", "atorada", "atorando", "atragantada", "atragantando",
    "atascado garganta", "atorado garganta", "trabado garganta",
    "puntitos no desaparecen", "puntitos no se van", "puntitos vaso", "puntos rojos no desaparecen",
    "puntos rojos no se van", "puntos rojos vaso", "caerse vomita", "caerse vomitó",
    # Blue as a diminutive ("está azulito": none before), as "moradito"; blue skin by its
    # medical name; a severe allergic reaction by its adjective.
    "azulito", "azulita", "azulado", "azulada", "cianosis", "cianótico", "cianótica",
    "anafiláctico", "anafiláctica",
    "golpeó adormilado", "golpeó somnoliento", "golpeó dormido", "golpe adormilado",
    "golpe somnoliento",
    # The same round (s43): gone floppy, as "se puso flácido" ("se puso flojito" got
    # none); sleepy after a knock to the head (as "golpeó adormilado": "se pegó en la
    # cabeza y tiene sueño" got the illness notice); found in water; not moving after a
    # fall.
    "puso flojito", "puso flojita", "puso flojo", "puso floja", "quedó flojito",
    "quedó flojita", "quedó flojo", "quedó floja", "pegó sueño", "golpeó sueño",
    "pegó adormilado", "pegó somnoliento", "pegó dormido", '"encontré piscina"',
    '"encontré bañera"', '"encontré agua"', '"encontramos piscina"', "cayó no mueve",
    # Not conscious said so (as "inconsciente"); "consciente" is then no typo of it ("mi
    # bebé es consciente" was told to call an ambulance).
    '"no consciente"',
    # Flácido tras una caída o un golpe en la cabeza (s50, como "fell floppy": "se cayó y
    # está flácido" daba el aviso de enfermedad).
    "cayó flácido", "cayó flácida", "cayó flojito", "cayó flojita", "golpeó flácido",
    "golpeó flácida", "pegó flácido", "pegó flácida",
    *(
        f"{verb} {car}"
        for verb in ("dejé", "dejó", "olvidé", "olvidó", "encerrado", "encerrada", "atrapado",
                     "atrapada")
        for car in ("coche", "carro", "auto")
    ),
    # The same round (s44): the rash that does not fade, as a parent says it, pressed by
    # squeezing ("no se quita al apretar") or said not to go ("no se quitan", as "no se
    # van" above): the illness notice before (NHS: a rash that does not fade).
    *(
        f"{rash} {said}"
        for rash in ("manchas", "manchitas", "puntitos", "puntos rojos", "sarpullido",
                     "erupción")
        for said in ("no se quita", "no se quitan", "apretar", "aprieto", "aprietas")
    ),
    # The same round (s54), in Spanish: fainted or lost consciousness; found not moving; a
    # fit by the eyes, the mouth or stiff and jerking; blue as often misspelt, mottled
    # skin, the tummy sinking in; the throat closing, the mouth swelling; very seriously
    # ill; caught in a cord; a fall into a pond or from a window, furniture fallen on the
    # baby, a fall and then vomiting as often misspelt.
    "perdió el conocimiento", "perdió conocimiento", "desvaneció", "desvanecido",
    "desvanecida", "encontré sin moverse", "encontramos sin moverse", "encontré no se mueve",
    "rígido ojos arriba", "rígida ojos arriba", "tieso ojos arriba", "tiesa ojos arriba",
    "voltearon ojos tiembla", "voltearon ojos temblaba", "volteó ojos tiembla",
    "rígido temblando", "rígida temblando", "espuma boca",
    "tieso sacudidas", "tiesa sacudidas", "asul", "asulito", "asulado", "piel marmórea",
    "hunde barriga", "hunde panza", "hunde tripa", "cerró garganta", "cierra garganta",
    "boca hincha", "boca hinchada", '"muy grave"', "gravemente enfermo",
    "gravemente enferma", "enredó cordón", "enredado cordón", "enredada cordón",
    "cayó estanque", "cayó ventana", "tele encima", "televisión encima", "mueble encima",
    "estantería encima", "callo bomita", "cayó bomita", "calló bomita",
    # The second round (s54), as in English; gasping said in Spanish ("boquea").
    "boquea", "boqueando", "confundido flojo", "confundida floja", "confundido flácido",
    "confundida flácida", "sacudidas cabeza serie", "respira deprisa",
    "respiración acelerada", "marcan costillas", "cayó pupila", "caída pupila",
    "golpe pupila", "hundimiento cabeza", "líquido oído", "sangre oído",
    # The third round: purple as Argentina says it ("violeta"), mottled ("marmoleada",
    # blotchy and cold), absent ("está ido"), a fit described ("se puso dura y temblaba",
    # the eyes rolled back and trembling, trembling that does not stop), a febrile
    # seizure ("crisis febril"), the rash that does not fade, a fall on the head
    # ("cayó de cabeza"), and Spanglish "no wake up".
    '"puso violeta"', '"está violeta"', '"quedó violeta"', "marmoleada", "marmoleado",
    "manchado frío", "manchada fría", '"está ido"',
    '"está ida"', "dura temblaba", "duro temblaba", "dura tiembla", "duro tiembla",
    "ojos atrás temblaba", "tiembla no para", "crisis febril", "rash no se quita",
    "rash vaso", "cayó de cabeza", '"no wake up"',
]
#: Emergencies in French and Portuguese: a parent may type the words that come first to
#: them in either edition (s40: "mon bébé ne respire pas", "bebê não respira" got the
#: illness notice, or the card about development; "bebê não acorda", "mon bébé est tout
#: bleu" the card alone).
SIGNS_OTHER = [
    "ne respire pas", "ne respire plus", "respire plus", "arrêté de respirer", "não respira",
    "não está respirando", "parou de respirar", "sem respirar",
    # Blue, will not wake, fainted, choking (NHS, HSE), in the same two languages.
    "bleu", "bleue", "roxo", "roxa", "ne se réveille pas", "não acorda", "desmaiou",
    "évanoui", "évanouie", "engasgado", "engasgada", "engasgou", "étouffe", "sufocando",
    "convulsão",
    # Not breathing in Italian and German, blue in German (s41: "il mio bambino non
    # respira" got the illness notice, "mein baby atmet nicht", "mein baby ist blau" none).
    "non respira", "atmet nicht", "blau",
]
#: A fall or a fever, in French and Portuguese (the illness notice).
UNWELL_OTHER = ["caiu", "tombé", "tombée", "fièvre", "febre", "vomi", "vomitou"]
UNWELL_EN = [
    "fever", "temperature", "vomiting", "vomit", "throwing up", "sick", "unwell", "ill",
    "diarrhoea", "diarrhea", "rash", "cough", "flu", "not feeding", "wont feed",
    "dehydrated", "fell", "fall", "fallen", "bump", "bumped", "hurt", "injury", "injured",
    "bruise", "burn", "bleeding", "swallowed", "poison", "inconsolable", "hot",
    "burning up", "breathing", "grunting", "wheezing", "crying nonstop", "wont stop crying",
    # As itself: the signs' "hives wheezy" made it a notice's word, never read as a typo
    # of "wheezing" (s52).
    "wheezy",
    "twitching", "jerking", "shaking", "shakes", "trembling", "cries all the time",
    "crying all the time", "always crying", "pain", "painful", "swollen", "swelling",
    "limping", "limps", "bitten", "dog bit", "hit head",
    # A bite from an animal or an insect, not "bite" alone, whose stem is "bit" (s52: "baby
    # bit a lemon", "baby bites" when teething, got the illness notice).
    # (Not a short animal, "cat", "ant": a notice's word splits words run together, and
    # "caterpillarcrawl" got the illness notice.)
    *(f"{what} bite" for what in ("dog", "animal", "insect", "spider", "snake", "mosquito")),
    '"bit by"', '"got bit"', '"bit him"', '"bit her"', '"bit my baby"', '"bit the baby"',
    '"bit my son"', '"bit my daughter"',
    # Dropped, or something swallowed that may harm: an injury or a poisoning.
    "dropped my baby", "dropped him", "dropped her", "dropped the baby", "was dropped",
    "pill", "pills", "medicine", "medication", "detergent", "bleach", "dishwasher tablet",
    "washing tablet", "laundry pod", "laundry capsule", "cleaning product", "chemicals",
    "magnet", "magnets", "battery", "ingested",
    # Signs of illness parents name: a soft spot, dry nappies, yellow skin, drowsiness.
    "soft spot", "fontanelle", "fontanel", "no wet nappies", "dry nappies",
    # (s52: "baby has not had a wet nappy all day" got no notice.)
    "not had wet nappy", "not had wet diaper", "not had wee",
    "no wet diapers", "dry diapers", "jaundice", "yellow skin", "yellow eyes", "lethargic",
    "drowsy", "very sleepy",
    # Burns and stings (an injury the handbook does not cover).
    "burnt", "scald", "stung", "bee", "wasp",
    # A hostile reader's round (s37): what got a card about development, or nothing,
    # though it is an injury, a poisoning or an illness: a broken bone, a lump on the
    # head, something harmful swallowed or drunk, no wet nappies or feeds, too hot or
    # too cold, a stiff neck, a listless baby. (Not "not himself", "not fed": "not
    # pulling himself up", "fed up, he's not crawling" are about crawling.)
    "broken arm", "broken leg", "broken bone", "broke arm", "broke leg", "fracture",
    "fractured", "skull fracture", "lump head", "dislocated", "pulled elbow", "electrocuted",
    "ate button", "alcohol", "perfume", "aftershave", "mouthwash", "washing powder",
    "washing liquid", "nicotine", "vape", "cigarette", "paracetamol", "ibuprofen",
    "vitamins", "iron tablets", "essential oil", "nail polish", "antifreeze", "ate plant",
    "berries", "mushroom", "not peeing", "no pee", "not weeing", "hasnt wet nappy",
    "hasnt wet diaper", "hasnt fed", "fed all day", "hasnt eaten", "not drinking",
    "wont drink", "hypothermia", "overheated", "overheating", "heatstroke", "heat stroke",
    "sunstroke", "sunburn", "sunburnt", "stiff neck", "pupils", "listless", "apnea",
    "apnoea", "high pitched cry", "high pitched crying",
    # As a parent says it (s38); its words are then read as themselves in every edition,
    # not as a typo of another phrase's ("hitting" is no "fitting").
    "hitting head", "hits head",
    # Blood, an allergy, a cut, a roll off a bed (s38): these got the card about
    # development, or a crawling entry alone. (Not "cut" alone: "cutting teeth".)
    "blood", "bloody", "black poo", "black poop", "black stool", "allergy", "allergies",
    "allergic", "hives", "rolled off bed", "rolled off sofa", "rolled off couch",
    "rolled off table",
    "cut hand", "cut finger", "cut head", "cut lip", "cut face",
    "cut himself", "cut herself", "deep cut", "gash",
    # Swallowed or trapped, crushed; dry (no tears, a dry mouth, no pee); a weak cry,
    # a baby screaming for hours; red spots, a lump, a nosebleed; yellow skin in other
    # words; cold; boiling. (Not "moaning", "se queja": a baby learning to crawl grumbles.)
    "ate marble", "ate coin", "swallowed coin", "swallowed marble", "trapped finger",
    "finger trapped", "crushed finger", "crushed hand", "was crushed", "got crushed",
    "pulled tv", "sunken eyes", "no tears", "dry mouth",
    "hasnt peed", "not peed", "hasnt weed", "weak cry", "crying weakly",
    "screaming nonstop", "red spots", "lump groin", "lump neck", "lump tummy", "lump belly",
    "hard lump", "swollen lump", "nosebleed", "nose bleed", "nose bleeding", "baby yellow",
    "newborn yellow", "looks yellow", "turned yellow", "turning yellow", "going yellow",
    "gone yellow", "feels cold", "boiling",
    # Whether to go to hospital, or to urgent care: whom to call today, and the
    # emergency number if it may be more ("hospital" is Spanish too). (Not "er": a
    # pause, "er, is that normal?")
    "hospital", "urgent care", "paramedic", "paramedics",
    # A hostile reader's round (s39): not eating or refusing feeds (as "not feeding"
    # above), sick as parents say it, something stuck in the nose or ear.
    "wont eat", "not eating", "refusing feeds", "refusing feed", "refuses feeds",
    "refuses feed", "refuses to feed", "refusing to feed", "refusing bottle",
    "refuses bottle", "refusing breast", "refuses breast", "puke", "puked", "puking",
    "stuck in nose", "stuck in ear", "wont open eyes", "cant open eyes", "wont latch",
    "not latching", "cant latch", "cleaning spray", "disinfectant", "oven cleaner",
    "drain cleaner", "window cleaner",
    "up his nose", "up her nose",
    # A hostile reader's round (s40): an illness by its name, or shaking and a bulging
    # head in other words, got the card about development alone ("baby ear infection",
    # "infantile spasms", "baby tremors", "baby head bulging"). (Not "cold" alone: a
    # cold floor; not "bulging" alone: a bulging cushion.)
    "infection", "ear infection", "earache", "virus", "croup", "bronchiolitis", "rsv",
    "caught cold", "runny nose", "stuffy nose", "blocked nose", "congested", "congestion",
    "constipated", "constipation", "conjunctivitis", "pink eye", "sticky eye", "thrush",
    "tremor", "tremors", "spasm", "spasms", "bulging head", "head bulging",
    # A cold had, as "caught cold" (s46: "baby has a cold and crawls backwards" got none).
    '"has a cold"', '"got a cold"', '"with a cold"', '"had a cold"',
    # A head trapped, or a baby trapped or found face down in soft bedding; a finger in a
    # socket; a detergent pod. (Not "stuck" or "trapped" alone: stuck under the sofa.)
    "head stuck", "trapped pillow", "face down pillow", "found face down",
    "finger in socket", "fork in socket", "dishwasher pod", "detergent pod", "washing pod",
    # NHS 111, the UK's urgent line, as "urgent care" above.
    "call 111", "ring 111", "dial 111", "nhs 111",
    # A hostile reader's round (s41): a black eye, a bruise, a tooth knocked out (an
    # injury: said word for word, the emergency word in it, "purple", "blue", "knocked
    # out", is no emergency); eyes rolling back with no fit described (with jerking or
    # stiffness, a fit above); weight lost; a hernia; a finger pinched. Before, none, or
    # the emergency notice.
    "black eye", "purple eye", "purple bruise", "black and blue", "tooth knocked out",
    # (In quotes: in this order, as crawl-search.js reads a quoted phrase: "rolling back,
    # eyes fine" is a baby rolling, s42; "he keeps rolling his eyes back" still is.)
    '"eyes rolling back"', '"rolling eyes back"', "ate glass",
    "lost weight", "losing weight", "weight loss", "hernia", "pinched finger",
    # Sleepy beyond the usual ("very sleepy", "drowsy" above): before, none.
    "unusually sleepy", "floppy sleepy",
    # A hostile reader's round (s42): a head knock ("headbutted the floor"), toilet water
    # or cleaner drunk, an electric shock ("shocked" was read as a typo of "shook": an
    # emergency; "shocked by a loud noise" is none). Before, none.
    "headbutt", "headbutted", "headbutting", "drank toilet", "toilet water", "toilet cleaner",
    "electric shock", "shocked outlet", "shocked socket", "shocked plug",
    # Going stiff, as an event (not "goes stiff when I pick him up", how a baby holds
    # itself: a sign in the handbook); ice cold; a bead up the nose.
    "went stiff", "gone stiff", "suddenly stiff", '"is ice cold"', '"feels ice cold"',
    "cold to touch", "bead nose",
    "beads nose", "stuck up nose", "put up nose",
    # Breathing that is hard or noisy, by the names parents read (whom to call today).
    "asthma", "stridor", "nostrils flaring", "flaring nostrils",
    # A hostile reader's round (s43): spots all over (a rash), a knock to the head as
    # parents say it, a hot oven or stove touched, no poo for days, an odd turn, jerky
    # or weird movements, feeling unwell (before, none).
    "spots all over", "spotty", "covered in spots", "spots everywhere", "bang head",
    "bonk head", "whack head", "smack head", "knock head", "touched oven", "touched stove",
    "touched hob", "touched iron", "touched radiator", "touched heater", "touched kettle",
    '"hasnt pooped"', '"hasnt pooed"', '"not pooped"', '"not pooping"', '"no poop"',
    '"funny turn"', '"jerky movements"', '"weird movements"', '"odd movements"',
    '"unusual movements"',
    '"not feeling well"', '"is poorly"', '"feeling poorly"', '"been poorly"', '"poorly baby"',
    # Screaming that will not stop, or when touched (pain: whom to call today), shivering.
    # (Not "chills": one typo from "child", "chilly", "hill".)
    "wont stop screaming", "screams when touched", "cries when touched", "shivering",
    # A baby hit by someone (an injury the handbook does not cover; before, none): in this
    # order, not "baby hits the table".
    '"hit the baby"', '"hit my baby"', '"hit baby"', '"punched the baby"', '"kicked the baby"',
    # A hand or fingers caught or trapped (in a door: "door" is a harmless word, one typo
    # from Spanish "dolor"), in this order: not "baby caught my finger".
    '"hand trapped"', '"hand caught"', '"fingers caught"', '"finger caught"',
    # A hostile reader's round (s44): a fall onto the head as "landed on his head", and
    # a high-pitched scream, as the high-pitched cry above (before, none).
    "landed head", "landed on head", "high pitched scream", "high pitched screaming",
    "high pitched screams",
    # A scald said by what spilled (s50: "hot water spilled on baby" got no notice: heat
    # said with water is the water's, and "spilled" no injury).
    '"spilled on baby"', '"spilled on my baby"', '"spilled on him"', '"spilled on her"',
    '"spilt on baby"', '"spilt on my baby"', '"spilt on him"', '"spilt on her"',
    "hot tea", "hot coffee", "hot drink", '"boiling water"',
    # The same, with the heat said before what spilled (s51: "spilled hot water on baby",
    # "poured hot water on baby" got no notice; the heat stays the baby's with a spill:
    # the ``spilled`` intent words), and a kettle pulled or knocked over.
    '"spilled hot"', '"spilt hot"', '"spilled boiling"', '"spilt boiling"', '"poured hot"',
    '"poured boiling"', '"pulled kettle"', '"pulled the kettle"', '"pulled a kettle"',
    '"knocked kettle"', '"knocked the kettle"', '"knocked over kettle"',
    # Pain when a limb is moved (s51: "baby screams when i move his leg" got no notice,
    # as "cries when touched" does), a finger stuck, and a fall said as crawling off
    # something (s51: "baby crawled backwards off the bed" got none; "rolled off bed" got
    # the notice). A phrase's words are read as their stems: "how do i stop him crawling
    # off the bed" gets the notice too, which asks to call only if the baby seems unwell.
    '"screams when i move"', '"cries when i move"', '"screams when moved"',
    '"cries when moved"', '"screams when i touch"', '"cries when i touch"',
    '"finger stuck"', '"fingers stuck"', '"hand stuck"',
    '"crawled off the bed"', '"crawled off our bed"', '"crawled off the sofa"',
    '"crawled off the couch"', '"crawled off the table"', '"crawled backwards off"',
    # (Not "the changing table": "changing" would be a word of the notices, never read as
    # a typo, and "baby legs stiff when I change nappy" lost the worried parent's card.)
    # A round of queries (s52): thrown up, in this order ("he threw his toy up" is no
    # vomiting; "throwing up" is above); a hair wound round a toe or a finger; tired and
    # floppy, or floppy after a vaccine (each got no notice).
    '"threw up"', "hair tourniquet", "hair wrapped toe", "hair wrapped finger",
    "hair around toe", "hair around finger", "tired floppy", "floppy vaccine",
    "floppy vaccines", "floppy vaccination", "floppy jab", "floppy jabs",
    # A round of queries (s53): fingers shut in a drawer, a nail torn off, a tablet eaten
    # (not "tablet" alone: a screen) got no notice. (Not "drawer": a notice's word is
    # never read as a typo, and "pulling up on the chest of drawers" lost its answer.)
    # (A phrase's words match by stem: "shut finger" is "shut fingers" too, but not in
    # the Spanish edition, whose stemmer reads them as Spanish.)
    "shut finger", "shut fingers", "nail came off", "fingernail came off", "ate tablet",
    # (s54: a drug, or a small thing breathed in: "baby drank some of my methadone",
    # "baby inhaled a small bead" got no notice.)
    "methadone", "inhaled",
    # (The second round: things drunk or eaten that harm, a cut, a thing in the eye.)
    "petrol", "gasoline", "lamp oil", "white spirit", "turpentine", "slug pellets",
    "cannabis", "acetone", "sanitizer", "sanitiser", "nail varnish", "nail polish", "e cig",
    "ecig", "cut forehead", "cut head", "cut lip", "split lip",
    '"something in his eye"', '"something in her eye"', '"something in eye"',
]
UNWELL_ES = [
    "fiebre", "temperatura", "calentura", "vómito", "vomita", "vomitando", "diarrea", "tos",
    "resfriado", "enfermo", "enferma", "malito", "sarpullido", "erupción",
    # Not eating, its words in this order (s47: "no gatea como antes", doesn't crawl as
    # before, read "como" as "come" anywhere after "no" and got the illness notice), as
    # English "wont eat" (s39): "no quiere comer" got none.
    '"no come"', '"no quiere comer"', '"no quiere comer nada"', '"no está comiendo"',
    "se cayó", "caída", "cayó", "golpe", "golpeó", "herida", "sangra", "quemadura", "tragó",
    # (s53: "se dio en la cabeza contra la pared" got no notice.)
    '"se dio en la cabeza"', '"se dio con la cabeza"',
    "veneno", "llora sin parar", "caliente", "respira", "respiración", "temblores",
    # The verb as said ("hace ruido al respirar"): the English edition's stemmer does
    # not take it for "respira" (s46).
    "respirar",
    "tiembla", "sacudidas", "espasmos", "llora todo el tiempo", "no para de llorar",
    "dolor", "le duele", "hinchado", "hinchada", "hinchazón", "cojea", "cojeando", "mordió",
    "mordida", "mordedura", "se me cayó", "dejé caer", "pastilla", "pastillas", "medicina",
    "medicamento", "detergente", "lejía", "cloro", "lavavajillas", "cápsula", "imán",
    "imanes", "pila", "pilas", "mollera", "fontanela", "pañales secos", "no moja el pañal",
    "ictericia", "piel amarilla", "ojos amarillos", "somnoliento", "adormilado",
    # A kettle pulled or knocked over (s51: "mi bebé tiró la tetera" got no notice).
    '"tiró la tetera"', '"tiró el hervidor"', '"volcó la tetera"',
    "quemó", "quemado", "quemada", "escaldó", "picadura", "picó", "avispa", "abeja",
    # The same round (s37), in Spanish. (Not "no bebe", "no ha bebido": folded and
    # stemmed, "bebé" is "bebe", and "mi bebé no habla" is no illness.)
    "se rompió", "hueso roto", "brazo roto", "pierna rota", "fractura", "chichón",
    "bulto cabeza", "no hace pipí", "no orina", "no ha comido",
    "golpe de calor", "hipotermia", "insolación", "quemadura de sol", "alcohol",
    "perfume", "colonia", "comió planta", "insecticida", "cigarro", "cigarrillo",
    "nicotina", "paracetamol", "ibuprofeno", "cuello rígido", "pupilas",
    "electrocutado", "descarga eléctrica", "decaído", "decaída", "bulto",
    # The same round (s38), in Spanish.
    "sangre", "alergia", "alergias", "alérgico", "alérgica", "ronchas", "urticaria",
    "cortó mano", "cortó dedo", "cortó cabeza", "cortó labio", "cortó cara",
    "pegó cabeza",
    "ojos hundidos", "sin lágrimas", "boca seca", "llanto débil", "manchas rojas",
    "amarillo", "amarilla", "pilló dedo", "aplastado", "aplastada", "hirviendo",
    "sin mojar", "no hace pis", "no ha hecho pis", "llora débil", "caca negra",
    "heces negras", "canica", "muy dormido", "muy dormida",
    # The same round (s39), in Spanish: not taking the bottle or the breast, milk
    # brought back up, a runny nose, something in the nose.
    "no toma biberón", "no quiere biberón", "rechaza biberón", "no toma pecho",
    "no quiere pecho", "rechaza pecho", "no mama", "devolvió leche", "devuelve leche",
    "devolvió todo", "devuelve todo", "mocos", "algo en la nariz", "algo en el oído",
    # Yellowish (jaundice); "se callo" as "se cayó" is often typed ("se callo de la
    # cama"); eyes that will not open.
    "amarillento", "amarillenta", "se callo", "no abre los ojos", "no se engancha",
    "no agarra el pecho", "desinfectante", "limpiador", "producto de limpieza",
    # The same round (s40), in Spanish: an illness by its name ("otitis", "catarro";
    # "constipado" is a cold in Spain), and a parent who fell holding the baby.
    "otitis", "catarro", "constipado", "constipada", "infección", "virus", "bronquiolitis",
    "estreñido", "estreñida", "estreñimiento", "conjuntivitis", "congestionado",
    "congestionada", "nariz tapada", "me caí",
    "cabeza atrapada", "boca abajo almohada", "dedo enchufe",
    # Bruises, a hard knock as said in Latin America and Spain, a syrup swallowed.
    "moretón", "moretones", "moratón", "moratones", "hematoma", "totazo", "porrazo",
    "golpazo", "costalazo", "jarabe",
    # More of the same (s52: "se dio un trancazo en la cabeza", "se descalabró" got none).
    "trancazo", "madrazo", "descalabró", "descalabrado", "descalabrada",
    # Argentina's emergency department ("ir a la guardia"; not "bajar la guardia"); a
    # poisons line.
    "ir guardia", "llevar guardia", "llevarlo guardia", "llevarla guardia", "toxicología",
    # The same round (s41), in Spanish: a black eye ("ojo morado", told to call an
    # ambulance before) or a purple bruise, eyes rolling back, weight lost, going to the
    # emergency department ("ir a urgencias": no notice before, as "ir a la guardia").
    "ojo morado", "ojos morados", "moretón morado", "moratón morado", "le van los ojos",
    "perdió peso", "pierde peso", "bajó de peso", "ir urgencias", "llevar urgencias",
    "llevarlo urgencias", "llevarla urgencias",
    # The same round (s42), in Spanish: a head knock, toilet water drunk.
    "cabezazo", "agua del inodoro", "bebió del inodoro", "agua del váter", "bebió del váter",
    "puso tieso", "puso tiesa", "quedó rígido", "quedó rígida", "quedó tieso", "quedó tiesa",
    "puso rígido", "puso rígida", "bebé helado", "bebé helada", "llanto agudo", "grito agudo",
    "llora agudo", "metió nariz", "metió oído", "bolita nariz", "asma", "estridor",
    "aleteo nasal",
    # The same round (s43): little spots or pimples, no poo, crying that nothing calms,
    # strange movements, milk refused (before, none).
    "granitos", "puntitos", "no hace caca", "no ha hecho caca", "sin consuelo",
    "inconsolable", "no se calma", "movimientos raros", "movimientos extraños",
    "no toma leche", "no quiere leche",
    # Limp or listless as a diminutive ("mi bebé está flojito": none before; as
    # "decaído"; "se puso flojito", gone floppy, is an emergency above).
    "flojito", "flojita",
    # The same, as Mexican parents say it ("está aguadito"), and diarrhoea ("tiene
    # chorro"): s46, before, the worried parent's card alone.
    "aguadito", "aguadita", "tiene chorro", "tiene chorrillo",
    # Cold, as "bebé helado" (in this order: not "hace frío para el bebé"); no wet
    # nappies; screaming that will not stop, or when touched; chills; a fall as the
    # infinitive ("no mueve el brazo después de caerse").
    '"bebé frío"', '"bebé fría"', "no moja pañales", "no para de gritar", "grita sin parar",
    "no deja de gritar", "no deja de llorar", "grita cuando lo toco", "grita cuando la toco",
    "llora cuando lo toco", "llora cuando la toco", "escalofríos", "caerse",
    # Pain when a limb is moved, a finger caught (s51: "llora cuando le muevo la pierna"
    # got no notice).
    '"llora cuando le muevo"', '"llora cuando lo muevo"', '"llora cuando la muevo"',
    '"grita cuando le muevo"', '"grita cuando lo muevo"', '"grita cuando la muevo"',
    '"dedo atrapado"', '"dedos atrapados"',
    '"pegué bebé"', '"pegó bebé"', '"pegaron bebé"', '"pegó al bebé"', '"pegué al bebé"',
    # A hair wound round a toe or a finger, as in English (s52).
    "pelo enrollado", "cabello enrollado", "pelo dedo enrollado",
    # A wild mushroom eaten (s54: "se comió una seta del jardín" got no notice; "ate a
    # mushroom" the illness one).
    "seta", "setas",
    # (The second round, as in English.)
    "gasolina", "aceite lámpara", "aguarrás", "matababosas", "cannabis", "marihuana",
    "acetona", "quitaesmalte", "batería", "bateria", "colilla", "vapeador", "jadea",
    "jadeando", "corte frente", "corte cabeza", "partió labio", "labio partido",
    '"algo en el ojo"',
]
#: A fever or a high temperature, as a parent says it (the HSE's rule for a baby under
#: 3 months). "Hot" as well: warm to the touch at that age is for a thermometer and the
#: doctor; a hot day or a room's temperature is not (the index's harmless phrases).
FEVER_EN = [
    "fever", "feverish", "temperature", "temp", "high temp", "hot", "burning up",
    # Warm as the baby feels, not as clothes or a room are: the notice says what to
    # measure (38 °C) and whom to call.
    "feels warm", "feel warm", "seems warm", "is warm", "very warm", "warm to touch",
    "warm to the touch", "warm forehead", "boiling",
]
FEVER_ES = [
    "fiebre", "febril", "febrícula", "calentura", "temperatura", "caliente", "calentito",
    "calentita", "ardiendo", "hirviendo",
]
#: A baby who is not moving, said and nothing more ("my baby is not moving", "baby
#: stopped moving", "mi bebé no se mueve"): a baby who has become unresponsive (HSE), an
#: emergency. Said with a word of what the handbook is about ("not moving forward", "not
#: moving her arms", "no se mueve hacia adelante"), or of a baby old enough to be
#: learning to crawl ("my 8 month old is not moving"), it is how the baby gets about:
#: crawl-search.js decides.
STILL_EN = [
    "not moving", "isnt moving", "stopped moving", "stops moving", "wont move",
    "cant move", "cannot move", "doesnt move", "no movement",
]
STILL_ES = ["no se mueve", "no mueve", "dejó de moverse"]
#: Words that say a baby not moving is a baby not getting about yet ("not moving yet",
#: "not moving much", "doesn't move from the spot", "todavía no se mueve", "no se mueve
#: del sitio"), beside those of the handbook's headings.
#: A question whether it is normal asks about development too ("es normal que no se
#: mueva").
STILL_PROGRESS_EN = [
    "yet", "much", "enough", "far", "properly", "forward", "forwards", "around", "anywhere",
    "spot", "place", "stays", "normal", "usual",
]
STILL_PROGRESS_ES = [
    "todavía", "aún", "mucho", "suficiente", "adelante", "lejos", "sitio", "lugar", "normal",
]
#: Words that say nothing of getting about, though an entry's heading may have them
#: ("not moving at all", "suddenly stopped moving", "help, he's not moving").
STILL_NEUTRAL_EN = ["all", "anymore", "suddenly", "now", "please", "help", "completely"]
STILL_NEUTRAL_ES = ["nada", "ya", "repente", "ahora", "ayuda", "favor"]
#: Words an emergency or an illness is asked about in, not seen in the baby: a question
#: that names one only in these words, and names what the handbook covers ("is crawling
#: backwards an emergency?", "will my baby die if he doesn't crawl"), gets the answer,
#: not the notice (crawl-search.js). "Call": "when should I call 911" names no topic.
ASKING_EN = [
    "emergency", "ambulance", "911", "999", "112", "hospital", "urgent", "care", "die",
    "dying", "dead", "call",
]
ASKING_ES = [
    "emergencia", "urgencia", "urgencias", "ambulancia", "hospital", "morir", "muere",
    "llamar",
]
# fmt: on

_SIGNS = {"en": SIGNS_EN, "es": SIGNS_ES, "other": SIGNS_OTHER}
_UNWELL = {"en": UNWELL_EN, "es": UNWELL_ES, "other": UNWELL_OTHER}
_FEVER = {"en": FEVER_EN, "es": FEVER_ES}
_STILL = {"en": STILL_EN, "es": STILL_ES}
_STILL_PROGRESS = {"en": STILL_PROGRESS_EN, "es": STILL_PROGRESS_ES}
_STILL_NEUTRAL = {"en": STILL_NEUTRAL_EN, "es": STILL_NEUTRAL_ES}
_ASKING = {"en": ASKING_EN, "es": ASKING_ES}


def _base(language: str | None) -> str:
    return (language or "en").split("_")[0].split("-")[0].lower()


def _every_language(words: dict[str, list[str]], language: str | None) -> tuple[str, ...]:
    """Every language's phrases, the build's language's first."""
    first = _base(language)
    ordered = sorted(words, key=lambda code: code != first)
    return tuple(phrase for code in ordered for phrase in words[code])


def default_signs(language: str | None) -> tuple[str, ...]:
    """Every language's emergency words, the build's first: a frightened parent types in
    the language that comes first to them, whatever the edition's."""
    return _every_language(_SIGNS, language)


def default_unwell(language: str | None) -> tuple[str, ...]:
    """Every language's illness and injury words, the build's first, as the emergency
    words: "my baby has a fever" in the Spanish edition is an illness too. (A typo is
    forgiven only in a word the handbook does not have, and none below 5 letters, so a
    word of one language is not read in a word of another: "dolor" is not "color".)"""
    return _every_language(_UNWELL, language)


def default_fever(language: str | None) -> tuple[str, ...]:
    """Every language's words for a fever, the build's first (``YOUNG_FEVER_MONTHS``)."""
    return _every_language(_FEVER, language)


def default_still(language: str | None) -> dict[str, list[str]]:
    """Every language's words for a baby not moving (``STILL_EN``), the build's first:
    the phrases, the words that make them about getting about, and those that do not."""
    return {
        "phrases": list(_every_language(_STILL, language)),
        "progress": list(_every_language(_STILL_PROGRESS, language)),
        "neutral": list(_every_language(_STILL_NEUTRAL, language)),
    }


def default_asking(language: str | None) -> tuple[str, ...]:
    """Every language's words an emergency is asked about in, the build's first
    (``ASKING_EN``)."""
    return _every_language(_ASKING, language)


#: Each default list, by the key the search's data names it with.
_TABLES: dict[str, dict[str, list[str]]] = {
    "signs": _SIGNS,
    "unwell": _UNWELL,
    "fever": _FEVER,
    "asking": _ASKING,
    "phrases": _STILL,
    "progress": _STILL_PROGRESS,
    "neutral": _STILL_NEUTRAL,
}


def own_length(key: str, language: str | None) -> int | None:
    """How many of a default list's phrases (``key``: "signs", "unwell", "fever",
    "asking", or a "still" list's "phrases", "progress", "neutral") are the build's
    language's own, the rest other languages' (they come first: ``_every_language``);
    None for a language with no words of its own here."""
    table = _TABLES[key]
    code = _base(language)
    return len(table[code]) if code in table and code != "other" else None
