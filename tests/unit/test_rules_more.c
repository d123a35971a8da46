/*
 * test_rules_more.c - red-team regression cases: sentences taken from ten
 * invented wire-style articles (CSTO and Armenia's freeze, Armenia-Azerbaijan
 * border clashes, Russia-Ukraine strikes, NATO and the EU, the OSCE Minsk
 * Group, the CSTO deployment to Kazakhstan, Iran/Israel/Turkey strikes, the
 * UN Security Council) that the extractor handles correctly today, positive
 * and negative, so that they stay correct. GUIDELINES.md is the contract.
 *
 * The texts were written for these tests; the quotes are invented. Cases the
 * extractor gets wrong are not here (the suite must stay green): they are
 * listed in the red-team report.
 *
 * The helpers are copied from test_rules.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kgex/kgex.h"

#include "rule_cases.h"

#define UNSC "United Nations Security Council"
#define UN   "United Nations"

/* ---------------------------------------------------------- member_of */

static const rel_case member_of_more_cases[] = {
    {"Turkey, a NATO member, has openly backed Azerbaijan.", KGEX_REL_MEMBER_OF, "Turkey", NATO, 1},
    {"Sweden formally joined NATO in March 2024.", KGEX_REL_MEMBER_OF, "Sweden", NATO, 1},
    {"Kazakhstan is a member of the CSTO and the Eurasian Economic Union.", KGEX_REL_MEMBER_OF,
     "Kazakhstan", CSTO, 1},
    {"Russia and Belarus are members of the Union State.", KGEX_REL_MEMBER_OF, "Belarus",
     "Union State of Russia and Belarus", 1},
    {"Observers said Russia and the other CSTO member states: Belarus, Kazakhstan, Kyrgyzstan and "
     "Tajikistan, had stayed silent.",
     KGEX_REL_MEMBER_OF, "Kyrgyzstan", CSTO, 1},
    /* negated membership, hosting, protests, parties to a conflict */
    {"Azerbaijan, which is not a CSTO member, has denied that its troops crossed into Armenia.",
     KGEX_REL_MEMBER_OF, "Azerbaijan", CSTO, 0},
    {"Georgia, which is not a member of NATO, has applied to join the alliance.",
     KGEX_REL_MEMBER_OF, "Georgia", NATO, 0},
    {"Protesters gathered outside the venue in Yerevan, waving EU flags and chanting \"Leave the "
     "CSTO!\"",
     KGEX_REL_MEMBER_OF, ANY, ANY, 0},
    {"The OSCE Minsk Group has mediated between Armenia and Azerbaijan since 1992.",
     KGEX_REL_MEMBER_OF, "Armenia", ANY, 0},
    {"The CSTO summit in Yerevan was attended by Russian President Vladimir Putin.",
     KGEX_REL_MEMBER_OF, "Russia", CSTO, 0},
    /* the subject of "one of N members ..., along with ...", and the list */
    {"The CSTO met in Minsk. Armenia, which hosts a Russian base, is one of six members of the "
     "bloc, along with Russia, Belarus and Kazakhstan.",
     KGEX_REL_MEMBER_OF, "Armenia", CSTO, 1},
    {"The CSTO met in Minsk. Armenia, which hosts a Russian base, is one of six members of the "
     "bloc, along with Russia, Belarus and Kazakhstan.",
     KGEX_REL_MEMBER_OF, "Belarus", CSTO, 1},
    /* "the alliance" is the alliance, not one of its bodies */
    {"The CSTO's Collective Security Council approved the mission. Troops came from Russia and "
     "Belarus, all members of the alliance.",
     KGEX_REL_MEMBER_OF, "Russia", CSTO, 1},
    {"The CSTO's Collective Security Council approved the mission. Troops came from Russia and "
     "Belarus, all members of the alliance.",
     KGEX_REL_MEMBER_OF, "Russia", "Collective Security Council", 0},
    {"Georgia has been a candidate for EU membership since 2023.", KGEX_REL_MEMBER_OF, "Georgia",
     "European Union", 0},
};

static void member_of_more_cases_match_expected(void **state)
{
    RUN_REL(*state, member_of_more_cases);
}

/* -------------------------------------------------------- official_of */

static const rel_case official_of_more_cases[] = {
    {"Azerbaijani forces shelled Armenian positions, the Ministry of Defense of Armenia said in "
     "a statement. Defense Ministry spokesperson Aram Torosyan told reporters that 49 "
     "servicemen had been killed.",
     KGEX_REL_OFFICIAL_OF, "Aram Torosyan", "Armenian Defense Ministry", 1},
    {"Russian Defense Ministry spokesman Igor Konashenkov told a briefing that all targets were "
     "hit.",
     KGEX_REL_OFFICIAL_OF, "Igor Konashenkov", "Russian Defense Ministry", 1},
    {"NATO Secretary-General Mark Rutte on Wednesday urged member states to boost defense "
     "spending.",
     KGEX_REL_OFFICIAL_OF, "Mark Rutte", NATO, 1},
    {"The EU's foreign policy chief, Josep Borrell, told reporters in Luxembourg that the bloc "
     "would meet next week.",
     KGEX_REL_OFFICIAL_OF, "Josep Borrell", EU, 1},
    {"EU foreign policy chief Josep Borrell said the bloc would respond.", KGEX_REL_OFFICIAL_OF,
     "Josep Borrell", EU, 1},
    {"Hungarian Foreign Minister Peter Szijjarto said his country would not be dragged into the "
     "war.",
     KGEX_REL_OFFICIAL_OF, "Peter Szijjarto", "Hungary", 1},
    {"Azerbaijan's President Ilham Aliyev said in an interview that Baku would not stop.",
     KGEX_REL_OFFICIAL_OF, "Ilham Aliyev", "Azerbaijan", 1},
    {"Turkish Defense Minister Hulusi Akar said Ankara would stand by Baku.", KGEX_REL_OFFICIAL_OF,
     "Hulusi Akar", "Turkey", 1},
    {"UN Secretary-General Antonio Guterres told the council that the region was on the brink.",
     KGEX_REL_OFFICIAL_OF, "Antonio Guterres", UN, 1},
    {"SDF commander Mazloum Abdi urged Washington and Moscow to take a clear stand.",
     KGEX_REL_OFFICIAL_OF, "Mazloum Abdi", "Syrian Democratic Forces", 1},
    {"The Kremlin's spokesman, Dmitry Peskov, said Moscow understood Turkey's concerns.",
     KGEX_REL_OFFICIAL_OF, "Dmitry Peskov", "Russia", 1},
    {"Russia's Foreign Ministry on Tuesday summoned Armenia's ambassador, Vagharshak Harutyunyan, "
     "to protest.",
     KGEX_REL_OFFICIAL_OF, "Vagharshak Harutyunyan", "Armenia", 1},
    {"Armenian parliament speaker Alen Simonyan replied that the vote was not directed against "
     "Russia.",
     KGEX_REL_OFFICIAL_OF, "Alen Simonyan", "National Assembly of Armenia", 1},
    {"EU spokesman Peter Stano said in a tweet that the bloc stood ready to help.",
     KGEX_REL_OFFICIAL_OF, "Peter Stano", EU, 1},
    {"White House national security spokesman John Kirby told reporters that Washington was "
     "concerned.",
     KGEX_REL_OFFICIAL_OF, "John Kirby", "United States", 1},
    {"Armenian Security Council Secretary Armen Grigoryan said the CSTO had failed.",
     KGEX_REL_OFFICIAL_OF, "Armen Grigoryan", "Armenian Security Council", 1},
    {"Kazakh Foreign Minister Mukhtar Tileuberdi told reporters that the peacekeepers had not "
     "fought.",
     KGEX_REL_OFFICIAL_OF, "Mukhtar Tileuberdi", "Kazakhstan", 1},
    {"SDF commander Mazloum Abdi urged Washington and Moscow to take a clear stand. Turkish "
     "President Recep Tayyip Erdogan's spokesman Ibrahim Kalin said the talks were useful.",
     KGEX_REL_OFFICIAL_OF, "Ibrahim Kalin", "Turkey", 1},
    /* a list of leaders: each keeps his own state */
    {"The session was attended by Russian President Vladimir Putin, Belarusian President "
     "Alexander Lukashenko, Kazakh President Kassym-Jomart Tokayev, Kyrgyz President Sadyr "
     "Japarov and Tajik President Emomali Rahmon.",
     KGEX_REL_OFFICIAL_OF, "Emomali Rahmon", "Tajikistan", 1},
    {"The session was attended by Russian President Vladimir Putin, Belarusian President "
     "Alexander Lukashenko, Kazakh President Kassym-Jomart Tokayev, Kyrgyz President Sadyr "
     "Japarov and Tajik President Emomali Rahmon.",
     KGEX_REL_OFFICIAL_OF, "Sadyr Japarov", "Kyrgyzstan", 1},
    {"The session was attended by Russian President Vladimir Putin, Belarusian President "
     "Alexander Lukashenko, Kazakh President Kassym-Jomart Tokayev, Kyrgyz President Sadyr "
     "Japarov and Tajik President Emomali Rahmon.",
     KGEX_REL_OFFICIAL_OF, "Alexander Lukashenko", "Russia", 0},
    {"Russian President Vladimir Putin, French President Emmanuel Macron and U.S. President "
     "Donald Trump said the killing of civilians was unacceptable.",
     KGEX_REL_OFFICIAL_OF, "Emmanuel Macron", "France", 1},
    {"Russian President Vladimir Putin, French President Emmanuel Macron and U.S. President "
     "Donald Trump said the killing of civilians was unacceptable.",
     KGEX_REL_OFFICIAL_OF, "Emmanuel Macron", "Russia", 0},
    {"Prime Minister Nikol Pashinyan of Armenia held a telephone conversation with Russian "
     "President Vladimir Putin.",
     KGEX_REL_OFFICIAL_OF, "Vladimir Putin", "Armenia", 0},
    {"German Chancellor Olaf Scholz and British Prime Minister Rishi Sunak said they would stand "
     "by Kyiv.",
     KGEX_REL_OFFICIAL_OF, "Olaf Scholz", "Germany", 1},
    {"German Chancellor Olaf Scholz and British Prime Minister Rishi Sunak said they would stand "
     "by Kyiv.",
     KGEX_REL_OFFICIAL_OF, "Rishi Sunak", "United Kingdom", 1},
};

static void official_of_more_cases_match_expected(void **state)
{
    RUN_REL(*state, official_of_more_cases);
}

/* ----------------------------------------------------------- attacked */

static const rel_case attacked_more_cases[] = {
    {"Azerbaijani armed forces on Tuesday shelled Armenian military positions near the towns of "
     "Goris, Sotk and Jermuk.",
     KGEX_REL_ATTACKED, "Azerbaijan", "Armenia", 1},
    {"Yerevan complained that the bloc ignored its request for help in September 2022, when "
     "Azerbaijani troops attacked several towns inside Armenia.",
     KGEX_REL_ATTACKED, "Azerbaijan", "Armenia", 1},
    {"Russia invaded Ukraine in February 2022.", KGEX_REL_ATTACKED, "Russia", "Ukraine", 1},
    {"The council met after the first direct Iranian attack on Israeli territory.",
     KGEX_REL_ATTACKED, "Iran", "Israel", 1},
    {"Israeli warplanes struck targets in Lebanon on Monday, the Israel Defense Forces said.",
     KGEX_REL_ATTACKED, "Israel", "Lebanon", 1},
    {"Israel carried out airstrikes on Iran on Saturday.", KGEX_REL_ATTACKED, "Israel", "Iran", 1},
    {"Ukrainian drones attacked an oil refinery in Russia's Samara region.", KGEX_REL_ATTACKED,
     "Ukraine", "Russia", 1},
    {"Hamas attacked Israel on October 7.", KGEX_REL_ATTACKED, "Hamas", "Israel", 1},
    {"The document did not give a clear assessment of Azerbaijan's aggression against Armenia.",
     KGEX_REL_ATTACKED, "Azerbaijan", "Armenia", 1},
    {"Armenia's Foreign Ministry said Azerbaijani forces had shelled Stepanakert, the capital of "
     "Nagorno-Karabakh.",
     KGEX_REL_ATTACKED, "Azerbaijan", "Nagorno-Karabakh", 1},
    /* direction */
    {"Ukrainian drones attacked an oil refinery in Russia's Samara region.", KGEX_REL_ATTACKED,
     "Russia", "Ukraine", 0},
    {"Israel carried out airstrikes on Iran on Saturday.", KGEX_REL_ATTACKED, "Iran", "Israel", 0},
    /* warnings, threats, plans, denials, conditions */
    {"Rutte warned that Russia could be ready to attack an alliance member within five years.",
     KGEX_REL_ATTACKED, "Russia", ANY, 0},
    {"Zakharova warned that Moscow would respond to any attacks on Russian territory.",
     KGEX_REL_ATTACKED, ANY, "Russia", 0},
    {"Medvedev wrote that any attack on Russian territory using Western weapons would trigger a "
     "response.",
     KGEX_REL_ATTACKED, ANY, ANY, 0},
    {"Azerbaijan denies attacking Armenia.", KGEX_REL_ATTACKED, "Azerbaijan", "Armenia", 0},
    {"NATO warned Russia against attacking any member state.", KGEX_REL_ATTACKED, "Russia", ANY, 0},
    {"Russia is preparing to invade Ukraine, U.S. officials said.", KGEX_REL_ATTACKED, "Russia",
     "Ukraine", 0},
    {"Russia has repeatedly threatened to strike Kyiv.", KGEX_REL_ATTACKED, "Russia", "Ukraine", 0},
    {"He did not say whether Russia would send peacekeepers to the Armenian border.",
     KGEX_REL_ATTACKED, "Russia", "Armenia", 0},
    {"Relations soured after Russian peacekeepers in Armenia did not intervene.", KGEX_REL_ATTACKED,
     "Russia", ANY, 0},
    {"Iran had no intention of continuing the operation, unless Israel retaliated.",
     KGEX_REL_ATTACKED, "Israel", "Iran", 0},
    {"Aliyev said Baku would stop its offensive only if Armenian troops withdrew from the "
     "occupied territories.",
     KGEX_REL_ATTACKED, "Armenia", "Azerbaijan", 0},
    /* helping to intercept is no attack */
    {"Most of the Iranian drones were intercepted with help from the United States, Britain and "
     "Jordan.",
     KGEX_REL_ATTACKED, "United States", ANY, 0},
};

static const rel_case attacked_city_cases[] = {
    /* a city is a place: an attack there is an attack on its state */
    {"Russian drones struck a residential building in Kharkiv overnight.", KGEX_REL_ATTACKED,
     "Russia", "Ukraine", 1},
    {"Azerbaijani forces shelled Jermuk on Tuesday.", KGEX_REL_ATTACKED, "Azerbaijan", "Armenia",
     1},
    /* but a city is never an actor, and a visit is no attack */
    {"Officials in Kharkiv said the talks would resume.", KGEX_REL_ATTACKED, ANY, ANY, 0},
    {"Azerbaijani diplomats arrived in Gyumri for talks.", KGEX_REL_ATTACKED, ANY, ANY, 0},
};

static void attacked_in_cities_match_expected(void **state)
{
    run_rel_cases(*state, attacked_city_cases,
                  sizeof(attacked_city_cases) / sizeof(attacked_city_cases[0]));
}

static const rel_case title_list_cases[] = {
    /* a plural title and a list of names, each with "of X" */
    {"The co-chairs of the OSCE Minsk Group — Igor Volkov of the Russian Federation, Pierre "
     "Lambert of France and John Carter of the United States — met in Vienna.",
     KGEX_REL_OFFICIAL_OF, "Pierre Lambert", "France", 1},
    {"The co-chairs of the OSCE Minsk Group — Igor Volkov of the Russian Federation, Pierre "
     "Lambert of France and John Carter of the United States — met in Vienna.",
     KGEX_REL_OFFICIAL_OF, "John Carter", "OSCE Minsk Group", 1},
    /* everyone named in a dashed aside before the verb spoke, and the group */
    {"The co-chairs of the OSCE Minsk Group \xe2\x80\x94 Igor Volkov of the Russian Federation, "
     "Pierre Lambert of France and John Carter of the United States \xe2\x80\x94 on Friday "
     "condemned the shelling.",
     KGEX_REL_STATED, "Pierre Lambert", NULL, 1},
    {"The co-chairs of the OSCE Minsk Group \xe2\x80\x94 Igor Volkov of the Russian Federation, "
     "Pierre Lambert of France and John Carter of the United States \xe2\x80\x94 on Friday "
     "condemned the shelling.",
     KGEX_REL_STATED, "OSCE Minsk Group", NULL, 1},
    /* an aside that is not the subject */
    {"Armenian Prime Minister Nikol Pashinyan spoke in Yerevan. Armenia will not leave the CSTO "
     "\xe2\x80\x94 at least for now \xe2\x80\x94 Pashinyan said.",
     KGEX_REL_STATED, CSTO, NULL, 0},
    /* a state named as a place is no employer */
    {"Russian peacekeepers were deployed to Nagorno-Karabakh in 2020 under a ceasefire brokered "
     "by President Vladimir Putin.",
     KGEX_REL_OFFICIAL_OF, "Vladimir Putin", "Nagorno-Karabakh", 0},
    /* the title's own modifier belongs to its holder, not to the next official */
    {"Russian President Vladimir Putin held a telephone conversation with Prime Minister Nikol "
     "Pashinyan.",
     KGEX_REL_OFFICIAL_OF, "Nikol Pashinyan", "Russia", 0},
    /* a list of members between dashes */
    {"The leaders of the CSTO member states \xe2\x80\x94 Russia, Belarus and Kazakhstan "
     "\xe2\x80\x94 met in Minsk.",
     KGEX_REL_MEMBER_OF, "Belarus", CSTO, 1},
    /* "the Organization" alone stands for the organization last named */
    {"Armenia is a member of the CSTO. Armenia appealed to the Organization on September 13.",
     KGEX_REL_APPEALED_TO, "Armenia", CSTO, 1},
    /* "MFA" after a state is its foreign ministry */
    {"The Armenian MFA said the talks would continue.", KGEX_REL_STATED,
     "Armenian Foreign Ministry", NULL, 1},
    /* "according to X," reports what X said; "according to media reports" names no one */
    {"According to the Armenian Defense Ministry, two soldiers were wounded.", KGEX_REL_STATED,
     "Armenian Defense Ministry", NULL, 1},
    {"According to media reports, Russia sent more troops.", KGEX_REL_STATED, "Russia", NULL, 0},
    /* no list, no officials */
    {"The co-chairs, who met in Vienna, gave no details.", KGEX_REL_OFFICIAL_OF, ANY, ANY, 0},
    /* the apposed official, not the body in his title, is the subject of a coordinated verb */
    {"The Kremlin's spokesman, Dmitry Peskov, said Russia understood the concerns but called on "
     "Ankara to show restraint.",
     KGEX_REL_STATED, "Russia", NULL, 0},
    {"The Kremlin's spokesman, Dmitry Peskov, said Russia understood the concerns but called on "
     "Ankara to show restraint.",
     KGEX_REL_STATED, "Dmitry Peskov", NULL, 1},
};

static void title_lists_match_expected(void **state)
{
    run_rel_cases(*state, title_list_cases, sizeof(title_list_cases) / sizeof(title_list_cases[0]));
}

static void attacked_more_cases_match_expected(void **state)
{
    RUN_REL(*state, attacked_more_cases);
}

/* -------------------------------------------------------- appealed_to */

static const rel_case appealed_to_more_cases[] = {
    {"Armenia appealed to the CSTO at the time, invoking Article 4 of the treaty.",
     KGEX_REL_APPEALED_TO, "Armenia", CSTO, 1},
    {"Armenia also turned to the UN Security Council.", KGEX_REL_APPEALED_TO, "Armenia", UNSC, 1},
    {"In September, Yerevan had asked the CSTO to help it restore its territorial integrity.",
     KGEX_REL_APPEALED_TO, "Armenia", CSTO, 1},
    {"CSTO troops began withdrawing from Kazakhstan on Thursday, a week after President "
     "Kassym-Jomart Tokayev requested the bloc's help to quell deadly unrest.",
     KGEX_REL_APPEALED_TO, "Kassym-Jomart Tokayev", CSTO, 1},
    {"Armenia asked Russia for help under the 1997 treaty.", KGEX_REL_APPEALED_TO, "Armenia",
     "Russia", 1},
    {"Kazakhstan sought help from the CSTO to quell the unrest.", KGEX_REL_APPEALED_TO,
     "Kazakhstan", CSTO, 1},
    {"The Armenian government turned to the CSTO for help.", KGEX_REL_APPEALED_TO, "Armenia", CSTO,
     1},
    /* rights, demands to third parties and calls for restraint are no appeal for help */
    {"Armenia has the right to appeal to the CSTO under Article 4.", KGEX_REL_APPEALED_TO,
     "Armenia", CSTO, 0},
    {"French President Emmanuel Macron called on Azerbaijan to respect the ceasefire.",
     KGEX_REL_APPEALED_TO, ANY, "Azerbaijan", 0},
    {"NATO Secretary-General Mark Rutte urged member states to boost defense spending.",
     KGEX_REL_APPEALED_TO, ANY, ANY, 0},
    {"The Kremlin's spokesman, Dmitry Peskov, called on Ankara to refrain from excessive use of "
     "force.",
     KGEX_REL_APPEALED_TO, ANY, "Turkey", 0},
    {"The co-chairs called on Azerbaijan and Armenia to cease hostilities immediately.",
     KGEX_REL_APPEALED_TO, ANY, "Armenia", 0},
};

static void appealed_to_more_cases_match_expected(void **state)
{
    RUN_REL(*state, appealed_to_more_cases);
}

/* ------------------------------------------------------------- stated */

static const rel_case stated_more_cases[] = {
    {"Azerbaijani forces shelled Armenian positions near Jermuk, the Ministry of Defense of "
     "Armenia said in a statement.",
     KGEX_REL_STATED, "Armenian Defense Ministry", NULL, 1},
    {"Azerbaijan's Defense Ministry claimed that Armenian forces had carried out provocations.",
     KGEX_REL_STATED, "Azerbaijani Defense Ministry", NULL, 1},
    {"The Kremlin said the strikes targeted only military facilities.", KGEX_REL_STATED, "Russia",
     NULL, 1},
    {"Poland said an unidentified aerial object had briefly entered its airspace.", KGEX_REL_STATED,
     "Poland", NULL, 1},
    {"NATO Secretary General Jens Stoltenberg said the alliance would continue to support "
     "Ukraine.",
     KGEX_REL_STATED, "Jens Stoltenberg", NULL, 1},
    {"The Russian contingent was commanded by Colonel-General Andrei Serdyukov. \"The mission "
     "has been completed,\" Serdyukov said at a ceremony at Almaty airport.",
     KGEX_REL_STATED, "Andrei Serdyukov", NULL, 1},
    {"U.S. Secretary of State Antony Blinken said earlier that once Russians are in your house, "
     "it is hard to get them to leave.",
     KGEX_REL_STATED, "Antony Blinken", NULL, 1},
    {"Moscow denies targeting civilians.", KGEX_REL_STATED, "Russia", NULL, 1},
    {"Azerbaijan's President Ilham Aliyev met the envoys. Aliyev has accused the Minsk Group of "
     "doing nothing for 28 years.",
     KGEX_REL_STATED, "Ilham Aliyev", NULL, 1},
    {"Armenia's Foreign Ministry said Azerbaijani forces had shelled Stepanakert.", KGEX_REL_STATED,
     "Armenian Foreign Ministry", NULL, 1},
    {"Baku, in turn, accused Armenian forces of firing rockets at the city of Ganja.",
     KGEX_REL_STATED, "Azerbaijan", NULL, 1},
    {"Iranian Foreign Minister Hossein Amir-Abdollahian told ambassadors in Tehran that the "
     "operation was limited.",
     KGEX_REL_STATED, "Hossein Amir-Abdollahian", NULL, 1},
    {"Turkey warned both sides against further escalation, the Turkish Foreign Ministry said.",
     KGEX_REL_STATED, "Turkish Foreign Ministry", NULL, 1},
    {"Turkey, which is a member of NATO, warned both sides against further escalation.",
     KGEX_REL_STATED, "Turkey", NULL, 1},
    {"Iraq's Foreign Ministry condemned the strikes as a violation of Iraqi sovereignty.",
     KGEX_REL_STATED, "Iraqi Foreign Ministry", NULL, 1},
    {"The Syrian Democratic Forces, a U.S.-backed group led by the YPG, said the strikes hit "
     "villages.",
     KGEX_REL_STATED, "Syrian Democratic Forces", NULL, 1},
    {"Turkish President Recep Tayyip Erdogan hinted that a ground operation might follow. \"This "
     "is not limited to an air operation,\" he told journalists on his plane.",
     KGEX_REL_STATED, "Recep Tayyip Erdogan", NULL, 1},
    {"Belarusian President Alexander Lukashenko told the leaders that the organization was going "
     "through a difficult period. He reportedly added that the bloc must not collapse.",
     KGEX_REL_STATED, "Alexander Lukashenko", NULL, 1},
    {"Azerbaijan, which is not a CSTO member, has denied that its troops crossed into Armenia.",
     KGEX_REL_STATED, "Azerbaijan", NULL, 1},
    {"Deputy Foreign Minister Mikhail Galuzin handed the diplomat a note of protest, the Russian "
     "Foreign Ministry said in a statement.",
     KGEX_REL_STATED, "Russian Foreign Ministry", NULL, 1},
    {"The European Union welcomed the ratification.", KGEX_REL_STATED, EU, NULL, 1},
    {"Zelensky's chief of staff Andriy Yermak said the talks had failed.", KGEX_REL_STATED,
     "Andriy Yermak", NULL, 1},
    {"The Azerbaijani State Border Service said Armenian troops had opened fire.", KGEX_REL_STATED,
     "Azerbaijani State Border Service", NULL, 1},
    /* the speaker, not the actors the statement names */
    {"Hungarian Foreign Minister Peter Szijjarto said his country would not be dragged into the "
     "war.",
     KGEX_REL_STATED, "Hungary", NULL, 0},
    {"Kremlin spokesman Dmitry Peskov told reporters that Moscow had not received any "
     "notification from Yerevan.",
     KGEX_REL_STATED, "Armenia", NULL, 0},
    {"U.S. President Joe Biden said Washington would not take part in any Israeli counter-strike.",
     KGEX_REL_STATED, "Israel", NULL, 0},
    /* no act of saying */
    {"Hungary has been reluctant to support Kyiv.", KGEX_REL_STATED, ANY, NULL, 0},
    {"Turkey, a NATO member, has openly backed Azerbaijan.", KGEX_REL_STATED, ANY, NULL, 0},
    {"Armenia's National Assembly voted 60 to 22 in favor of the statute.", KGEX_REL_STATED, ANY,
     NULL, 0},
    {"Armenian Prime Minister Nikol Pashinyan did not say whether Yerevan would attend.",
     KGEX_REL_STATED, "Nikol Pashinyan", NULL, 0},
};

static void stated_more_cases_match_expected(void **state)
{
    RUN_REL(*state, stated_more_cases);
}

/* ------------------------------------------------------------- entities */

static const node_case entity_more_cases[] = {
    {"Armenia Freezes Participation In Russian-Led Bloc\n\nBy Gayane Mkrtchyan\n\nYEREVAN, Feb "
     "23 - Armenian Foreign Minister Ararat Mirzoyan said the report was never adopted.",
     KGEX_KIND_OFFICIAL, "Gayane Mkrtchyan", 0},
    {"Armenia Freezes Participation In Russian-Led Bloc\n\nBy Gayane Mkrtchyan\n\nYEREVAN, Feb "
     "23 - Armenian Foreign Minister Ararat Mirzoyan said the report was never adopted.",
     KGEX_KIND_OFFICIAL, "Ararat Mirzoyan", 1},
    {"CSTO Secretary-General Imangali Tasmagambetov arrived in Almaty.", KGEX_KIND_OFFICIAL,
     "Imangali Tasmagambetov", 1},
    {"The alliance's Collective Security Council, chaired by Armenian Prime Minister Nikol "
     "Pashinyan, approved the deployment within hours.",
     KGEX_KIND_ORGANIZATION, "Collective Security Council", 1},
    {"SDF commander Mazloum Abdi urged Washington and Moscow to take a clear stand.",
     KGEX_KIND_OFFICIAL, "Mazloum Abdi", 1},
    {"Colonel Ivan Petrov told reporters that the drills would continue.", KGEX_KIND_OFFICIAL,
     "Ivan Petrov", 1},
    {"Lt. Gen. Andrei Ivanov said his troops were ready.", KGEX_KIND_OFFICIAL, "Andrei Ivanov", 1},
    /* a person quoted in the reader comments holds no office */
    {"Armenian Prime Minister Nikol Pashinyan spoke on Monday.\n\nReader comment by Levon: The "
     "CSTO is a Russian tool.",
     KGEX_KIND_OFFICIAL, "Levon", 0},
    /* the place of a meeting makes no state */
    {"Delegates gathered at Almaty airport for the ceremony.", KGEX_KIND_STATE, NULL, 0},
    /* a hospital, a shopping centre and a messenger are no organizations */
    {"A maternity hospital in Dnipro was hit, and a shopping center was damaged.",
     KGEX_KIND_ORGANIZATION, NULL, 0},
};

static void entity_more_cases_match_expected(void **state)
{
    RUN_NODE(*state, entity_more_cases);
}

/* Two spellings of one minister are one node, speaking once per statement. */
static void transliterated_first_name_is_the_same_official(void **state)
{
    const char *text = "Russian Foreign Minister Sergey Lavrov arrived in Yerevan. Sergei Lavrov "
                       "said the talks were useful.";
    kgex_graph *g = extract(*state, text, NULL);

    assert_int_equal(count_nodes(g, KGEX_KIND_OFFICIAL), 1);
    assert_true(has_stated(g, "Sergey Lavrov"));
    assert_true(has_edge(g, KGEX_REL_OFFICIAL_OF, "Sergey Lavrov", "Russia"));
    kgex_graph_free(g);
}

/* "The Ministry of Foreign Affairs of Armenia" and "Armenia's Foreign Ministry"
 * are one ministry. */
static void two_names_of_one_ministry_are_one_node(void **state)
{
    const char *text = "The Ministry of Foreign Affairs of Armenia said the report was false. "
                       "Armenia's Foreign Ministry added that talks would continue.";
    kgex_graph *g = extract(*state, text, NULL);

    assert_int_equal(count_nodes(g, KGEX_KIND_ORGANIZATION), 1);
    assert_true(has_node(g, KGEX_KIND_ORGANIZATION, "Armenian Foreign Ministry"));
    assert_true(has_stated(g, "Armenian Foreign Ministry"));
    kgex_graph_free(g);
}

/* Demonym, capital and seat of government in one article are one state. */
static void russia_under_four_names_is_one_node(void **state)
{
    const char *text = "Kremlin spokesman Dmitry Peskov told reporters that Moscow had not been "
                       "notified. Russian troops stayed at the base, and Russia said it would "
                       "continue the dialogue.";
    kgex_graph *g = extract(*state, text, NULL);
    const kgex_node *n = find_node(g, KGEX_KIND_STATE, "Russia");

    assert_int_equal(count_nodes(g, KGEX_KIND_STATE), 1);
    assert_non_null(n);
    assert_true(has_alias(n, "Kremlin"));
    assert_true(has_alias(n, "Moscow"));
    assert_true(has_alias(n, "Russian"));
    kgex_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(member_of_more_cases_match_expected),
        cmocka_unit_test(official_of_more_cases_match_expected),
        cmocka_unit_test(attacked_more_cases_match_expected),
        cmocka_unit_test(attacked_in_cities_match_expected),
        cmocka_unit_test(title_lists_match_expected),
        cmocka_unit_test(appealed_to_more_cases_match_expected),
        cmocka_unit_test(stated_more_cases_match_expected),
        cmocka_unit_test(entity_more_cases_match_expected),
        cmocka_unit_test(transliterated_first_name_is_the_same_official),
        cmocka_unit_test(two_names_of_one_ministry_are_one_node),
        cmocka_unit_test(russia_under_four_names_is_one_node),
    };
    return cmocka_run_group_tests_name("rules_more", tests, setup, teardown);
}
