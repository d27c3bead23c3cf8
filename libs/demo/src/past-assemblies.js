export const PAST_GENERAL_ASSEMBLIES = [
    { number: 1, month: '1996-09', host: 'Gyeongsangbuk-do', notes: 'NEAR founded; 7 joint tasks adopted.' },
    { number: 2, month: '1998-10', host: 'Toyama', notes: 'Charter amended to widen membership; 5 sub-committees set up.' },
    { number: 3, month: '2000-09', host: 'Hyogo', notes: 'A permanent secretariat discussed.' },
    { number: 4, month: '2002-09', host: 'Khabarovsk Krai', notes: 'DPRK and Mongolian members admitted.' },
    { number: 5, month: '2004-09', host: 'Heilongjiang', notes: 'Secretariat placed in Gyeongsangbuk-do.' },
    { number: 6, month: '2006-09', host: 'Busan', notes: 'Joint declaration; science & technology sub-committee.' },
    { number: 7, month: '2008-09', host: 'Shandong', notes: 'Shandong declaration; tourism and maritime & fisheries sub-committees.' },
    { number: 8, month: '2010-10', host: 'Gyeonggi-do', notes: '1 new member admitted; 3 new sub-committees.' },
];
//# sourceMappingURL=past-assemblies.js.map