// Synthetic health signals: every account, one snapshot a day for `days` days ending `today`.
export function signalItems(accounts: number, days: number, today: Date): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < accounts; i++) {
    for (let d = days - 1; d >= 0; d--) {
      const date = new Date(today.getTime() - d * 86_400_000).toISOString().slice(0, 10);
      const sponsor = new Date(today.getTime() - ((i * 13) % 80) * 86_400_000).toISOString().slice(0, 10);
      items.push({
        externalId: `ACC-${String(i).padStart(6, "0")}`,
        date,
        featuresUsed: (i * 7 + d) % 26,
        featuresInPlan: 25,
        powerUserLogins: Math.max(0, 60 - ((i * 3 + d * 11) % 70)),
        sponsorLastResponse: sponsor <= date ? sponsor : date,
        tickets30d: (i + d) % 15,
        p1P2Tickets30d: (i + d) % 15 > 12 ? 2 : 0,
        invoiceDaysOverdue: i % 17 === 0 ? 35 : 0,
        seatsActive: 40 + (i % 20),
        seatsPurchased: 50,
      });
    }
  }
  return items;
}
