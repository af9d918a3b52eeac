namespace Tongsin.Tests.Analysis.Reprints;

/// <summary>Invented articles in the outlets' manner: one report, its copies with the edits outlets make, and different reports and statements that share its template and formulas.</summary>
internal static class ReprintTexts
{
    public const string Title = "Premier Inspects Tideland Reclamation Project";

    public static readonly string[] Report =
    [
        "Pyongyang, May 5 (KCNA) -- Premier Pak Thae Song inspected the HonggonDo tideland reclamation project in North Phyongan Province on Sunday.",
        "He went round the embankment under construction and the sluice gates, and learned in detail about the progress of the project and the supply of building materials.",
        "Noting that the builders had completed the main embankment ahead of schedule, he stressed the need to finish the inner drainage canals before the rainy season and to take measures for turning the reclaimed land into fertile paddy fields.",
        "He called on the officials of the ministry concerned to send more excavators and trucks to the site and to look after the living conditions of the builders.",
    ];

    /// <summary>The report as a newspaper prints it the next day: a new headline, no dateline, a word changed, the last paragraph cut.</summary>
    public static readonly string[] Reprint =
    [
        "Premier Pak Thae Song inspected the HonggonDo tideland reclamation project in North Phyongan Province on Sunday.",
        "He toured the embankment under construction and the sluice gates, and learned in detail about the progress of the project and the supply of building materials.",
        "Noting that the builders had completed the main embankment ahead of schedule, he stressed the need to finish the inner drainage canals before the rainy season and to take measures for turning the reclaimed land into fertile paddy fields.",
    ];

    public const string ReprintTitle = "Tideland Reclamation Project Inspected";

    /// <summary>Another inspection the same day, in the same template, with the same dateline and closing formula.</summary>
    public static readonly string[] OtherInspection =
    [
        "Pyongyang, May 5 (KCNA) -- Premier Pak Thae Song inspected the Hungnam Fertilizer Complex in South Hamgyong Province on Sunday.",
        "He went round the ammonia workshop and the new gasification line, and learned in detail about the production of nitrogen fertilizer for the spring sowing.",
        "Stressing that the complex should run its equipment at full capacity, he told the managers to secure coal and electricity in advance and to repair the old compressors without delay.",
        "He called on the officials of the ministry concerned to send more excavators and trucks to the site and to look after the living conditions of the builders.",
    ];

    public static readonly string[] FirstStatement =
    [
        "The United States and its followers staged another large-scale naval drill in the waters off the Korean peninsula this week, mobilizing an aircraft carrier and nuclear submarines.",
        "This is an open rehearsal for a preemptive attack, and it brings the situation of the region to the brink of war.",
        "The DPRK will never tolerate any military provocation infringing upon its sovereignty and will take all necessary measures to defend the security of the state and the people.",
    ];

    public static readonly string[] SecondStatement =
    [
        "The Japanese authorities decided this week to raise the military budget to a record high and to deploy long-range cruise missiles on islands near the Korean peninsula.",
        "This exposes the ambition of the reactionaries to revive militarism and to invade the Korean peninsula again.",
        "The DPRK will never tolerate any military provocation infringing upon its sovereignty and will take all necessary measures to defend the security of the state and the people.",
    ];
}
